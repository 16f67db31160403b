'use server';
// Server actions of the account page: change the password, verify the address, sign out other devices,
// delete the account. Each checks the session itself and works as a plain form post.
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getCurrentUser, signOut } from '@/lib/accounts/auth';
import { issueEmailToken } from '@/lib/accounts/mail/email-tokens';
import { retryMessage, SERVER_TROUBLE, text, type FormState } from './form-state';
import { mailGoesToLog, verificationMail } from '@/lib/accounts/mail/mail';
import { deliverAccountMail } from '@/lib/accounts/mail/mail-limits';
import { judgePassword } from '@/lib/accounts/users/password-strength';
import { endAllSessions, endOwnSession } from '@/lib/accounts/sessions/sessions';
import { changePassword, deleteAccount, type PasswordCheckResult } from '@/lib/accounts/users/users';
import { changePasswordSchema, fieldErrors } from '@/lib/accounts/users/validation';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';

const SIGN_IN_FIRST = '/signin?callbackUrl=%2Faccount';

/** The form answer for a failed current-password check. */
function passwordCheckFailure(result: Exclude<PasswordCheckResult, { ok: true }>, field: string): FormState {
  if (result.reason === 'rate_limited') return { formError: retryMessage(result.retryAfterSec) };
  if (result.reason === 'no_password') return { formError: '此账户通过第三方登录，没有密码' };
  if (result.reason === 'wrong_password') return { errors: { [field]: '密码不正确' } };
  redirect('/signin');
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_FIRST);
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(formData, 'currentPassword') ?? '',
    newPassword: text(formData, 'newPassword') ?? '',
    confirmPassword: text(formData, 'confirmPassword') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const strength = await judgePassword(parsed.data.newPassword, {
    email: user.email,
    name: user.name,
    siteName: getConfig().siteName,
  });
  if (!strength.ok) return { errors: { newPassword: strength.message } };
  let result;
  try {
    result = await changePassword(
      await getDb(),
      user.id,
      parsed.data.currentPassword,
      parsed.data.newPassword,
      user.sessionId,
    );
  } catch (error) {
    console.error('[auth] password change failed:', error);
    return { formError: SERVER_TROUBLE };
  }
  if (!result.ok) return passwordCheckFailure(result, 'currentPassword');
  return { notice: '密码已修改。其他设备上的登录已退出。' };
}

/** Mails a new verification link to the signed-in reader's address. */
export async function resendVerificationAction(): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_FIRST);
  if (user.emailVerified) return { notice: '邮箱已经验证过了。' };
  try {
    const token = await issueEmailToken(await getDb(), { userId: user.id, email: user.email }, 'verify');
    const mail = verificationMail(user.email, token);
    after(() => deliverAccountMail(mail));
  } catch (error) {
    console.error('[auth] could not issue a verification link:', error);
    return { formError: SERVER_TROUBLE };
  }
  return { mailed: { to: user.email, toLog: mailGoesToLog() } };
}

/** 退出所有设备: every session of the account ends, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_FIRST);
  await endAllSessions(await getDb(), user.id);
  await signOut({ redirectTo: '/signin?notice=signed-out-everywhere' });
}

/** Ends one other device's session from the device list. */
export async function endSessionAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_FIRST);
  const sessionId = text(formData, 'sessionId');
  if (sessionId && sessionId !== user.sessionId) await endOwnSession(await getDb(), user.id, sessionId);
  redirect('/account#devices');
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect(SIGN_IN_FIRST);
  if (text(formData, 'confirm') !== 'yes') return { errors: { confirm: '请勾选确认' } };
  let result;
  try {
    result = await deleteAccount(await getDb(), user.id, {
      password: text(formData, 'password'),
      email: text(formData, 'email'),
    });
  } catch (error) {
    console.error('[auth] account deletion failed:', error);
    return { formError: SERVER_TROUBLE };
  }
  if (!result.ok) {
    if (result.reason === 'wrong_email') return { errors: { email: '邮箱与账户不一致' } };
    return passwordCheckFailure(result, 'password');
  }
  await signOut({ redirectTo: '/signin?notice=deleted' });
  return {};
}
