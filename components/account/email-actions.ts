'use server';
// Server actions behind the mailed links and the 忘记密码 form: ask for a reset link, set a new password
// with one, confirm an address. Tokens are used up only by these posts, never by opening a link, so a
// mail scanner that follows links cannot spend them.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { clientIp } from '@/lib/accounts/auth';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '@/lib/accounts/mail/email-tokens';
import { SERVER_TROUBLE, text, type FormState } from './form-state';
import { mailGoesToLog, passwordResetMail } from '@/lib/accounts/mail/mail';
import { deliverAccountMail } from '@/lib/accounts/mail/mail-limits';
import { judgePassword } from '@/lib/accounts/users/password-strength';
import { findUserByEmail, markEmailVerified, resetPassword } from '@/lib/accounts/users/users';
import { emailSchema, fieldErrors, resetPasswordSchema } from '@/lib/accounts/users/validation';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { hitRateLimit } from '@/lib/accounts/limits/rate-limit';

const FORGOT_RULE = { limit: 10, windowMs: 60 * 60 * 1000 };

/**
 * 忘记密码: mails a reset link when the address has an account. The answer is the same either way (and
 * the mail goes out after it), so the form tells nobody whether an address is registered.
 */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = text(formData, 'email') ?? '';
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success)
    return { errors: { email: parsed.error.issues[0]?.message ?? '邮箱格式不正确' }, values: { email: raw } };
  const email = parsed.data;
  try {
    const db = await getDb();
    const limit = await hitRateLimit(db, `forgot:ip:${clientIp(await headers())}`, FORGOT_RULE);
    if (!limit.allowed)
      return { formError: `请求太频繁，请在 ${Math.ceil(limit.retryAfterSec / 60)} 分钟后再试`, values: { email } };
    const user = await findUserByEmail(db, email);
    if (user) {
      const mail = passwordResetMail(
        user.email,
        await issueEmailToken(db, { userId: user.id, email: user.email }, 'reset'),
      );
      after(() => deliverAccountMail(mail));
    }
  } catch (error) {
    console.error('[auth] password reset request failed:', error);
    return { formError: SERVER_TROUBLE, values: { email } };
  }
  return { mailed: { to: email, toLog: mailGoesToLog() }, values: { email } };
}

/** Sets the new password from a reset link: signs out every device and verifies the address. */
export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = text(formData, 'token');
  const parsed = resetPasswordSchema.safeParse({
    newPassword: text(formData, 'newPassword') ?? '',
    confirmPassword: text(formData, 'confirmPassword') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    const db = await getDb();
    // Judged before the link is used up, so a weak password does not cost the reader their link.
    const owner = await peekEmailToken(db, token, 'reset');
    if (owner) {
      const strength = await judgePassword(parsed.data.newPassword, {
        email: owner.email,
        siteName: getConfig().siteName,
      });
      if (!strength.ok) return { errors: { newPassword: strength.message } };
    }
    const used = await consumeEmailToken(db, token, 'reset');
    // The same form sent twice: the first one set the password, this one changes nothing and says so.
    const done =
      used &&
      (!used.firstUse || (owner && (await resetPassword(db, used.userId, used.email, parsed.data.newPassword))));
    if (!done) return { formError: '这个链接已失效（过期、已经用过，或账户邮箱已更改）。请重新申请重置密码。' };
  } catch (error) {
    console.error('[auth] password reset failed:', error);
    return { formError: SERVER_TROUBLE };
  }
  redirect('/signin?notice=password-reset');
}

/** Confirms the address a verification link was sent to. */
export async function verifyEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const db = await getDb();
    const owner = await consumeEmailToken(db, text(formData, 'token'), 'verify');
    // A second use of a used link verifies nothing again; it only reports what the first one did.
    if (!owner || (owner.firstUse && !(await markEmailVerified(db, owner.userId, owner.email)))) {
      return {
        formError: '这个链接已失效（过期、已经用过，或账户邮箱已更改）。登录后可以在“账户”页重新发送验证邮件。',
      };
    }
    return { notice: `邮箱 ${owner.email} 已验证。` };
  } catch (error) {
    console.error('[auth] email verification failed:', error);
    return { formError: SERVER_TROUBLE };
  }
}
