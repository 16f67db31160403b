'use server';
// Server actions behind the sign-in and sign-up forms; each works as a plain form post without JavaScript
// and checks what it needs itself. The account page's actions are in account-actions.ts, the mailed
// links' in email-actions.ts, 退出 in sign-out-action.ts.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { CredentialsSignin } from 'next-auth';
import { clientIp, InvalidCredentialsError, oauthProviders, RateLimitedError, signIn } from '@/lib/accounts/auth';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';
import { retryMessage, SERVER_TROUBLE, text, type FormState } from './form-state';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SEC, signDeviceNote } from '@/lib/accounts/sessions/device-cookie';
import { issueEmailToken } from '@/lib/accounts/mail/email-tokens';
import { mailGoesToLog, signUpAttemptMail, verificationMail } from '@/lib/accounts/mail/mail';
import { deliverAccountMail } from '@/lib/accounts/mail/mail-limits';
import { hashPassword } from '@/lib/accounts/users/password';
import { judgePassword } from '@/lib/accounts/users/password-strength';
import { createUser, EmailTakenError, findUserByEmail } from '@/lib/accounts/users/users';
import { fieldErrors, signInSchema, signUpSchema } from '@/lib/accounts/users/validation';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { getAuthSecret } from '@/lib/config/server';
import { hitRateLimit } from '@/lib/accounts/limits/rate-limit';

export type { FormState } from './form-state';

const GENERIC_SIGN_IN_ERROR = '邮箱或密码不正确';

/** Signs in through next-auth without its redirect, mapping its errors to form messages. */
async function credentialsSignIn(email: string, password: string): Promise<FormState | null> {
  try {
    await signIn('credentials', { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return { formError: retryMessage(error.retryAfterSec), values: { email } };
    if (error instanceof InvalidCredentialsError || error instanceof CredentialsSignin)
      return { formError: GENERIC_SIGN_IN_ERROR, values: { email } };
    console.error('[auth] sign-in failed:', error);
    return { formError: SERVER_TROUBLE, values: { email } };
  }
}

/** Notes on this browser that it signed into the account, for the sign-in throttle (device-cookie.ts). */
async function rememberDevice(email: string): Promise<void> {
  const user = await findUserByEmail(await getDb(), email);
  if (!user) return;
  const secure = getConfig().siteUrl.startsWith('https:');
  (await cookies()).set(DEVICE_COOKIE, signDeviceNote(user.id, getAuthSecret()), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_SEC,
  });
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const callbackUrl = safeCallbackPath(text(formData, 'callbackUrl'));
  const parsed = signInSchema.safeParse({
    email: text(formData, 'email') ?? '',
    password: text(formData, 'password') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: { email: text(formData, 'email') } };
  const failed = await credentialsSignIn(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  try {
    await rememberDevice(parsed.data.email);
  } catch (error) {
    // Only a convenience for the throttle: the reader is signed in either way.
    console.error('[auth] could not set the device cookie:', error);
  }
  redirect(callbackUrl);
}

/** Sign-ups hash a password (deliberately slow) and send a mail, so one address may not create accounts in bulk. */
const SIGN_UP_RULE = { limit: 20, windowMs: 60 * 60 * 1000 };

/**
 * Creates an unverified account and mails a verification link; for an address that already has an
 * account it creates nothing and mails its owner instead. Both answer the same, in the same time, so
 * the form never tells a stranger who has an account here.
 */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = {
    email: text(formData, 'email') ?? '',
    password: text(formData, 'password') ?? '',
    name: text(formData, 'name'),
  };
  const values = { email: raw.email, name: raw.name };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { email, password, name } = parsed.data;
  const strength = await judgePassword(password, { email, name, siteName: getConfig().siteName });
  if (!strength.ok) return { errors: { password: strength.message }, values };
  try {
    const db = await getDb();
    const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, SIGN_UP_RULE);
    if (!limit.allowed)
      return { formError: `注册太频繁，请在 ${Math.ceil(limit.retryAfterSec / 60)} 分钟后再试`, values };
    let created = null;
    if (!(await findUserByEmail(db, email))) {
      try {
        created = await createUser(db, { email, password, name });
      } catch (error) {
        if (!(error instanceof EmailTakenError)) throw error;
      }
    } else {
      // The same argon2 cost as creating an account, so the answer's timing says nothing either.
      await hashPassword(password);
    }
    const mail = created
      ? verificationMail(email, await issueEmailToken(db, { userId: created.id, email }, 'verify'))
      : signUpAttemptMail(email);
    // After the answer: an SMTP round trip must not time the two cases apart.
    after(() => deliverAccountMail(mail));
  } catch (error) {
    console.error('[auth] sign-up failed:', error);
    return { formError: SERVER_TROUBLE, values };
  }
  return { mailed: { to: email, toLog: mailGoesToLog() }, values };
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = text(formData, 'provider');
  const callbackUrl = safeCallbackPath(text(formData, 'callbackUrl'));
  const configured = oauthProviders().find((p) => p.id === provider);
  if (!configured) redirect('/signin');
  await signIn(configured.id, { redirectTo: callbackUrl });
}
