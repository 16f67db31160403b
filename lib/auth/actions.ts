'use server';
// Server actions behind the account forms; each works as a plain form post without JavaScript and checks the session itself.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { CredentialsSignin } from 'next-auth';
import { clientIp, getCurrentUser, InvalidCredentialsError, oauthProviders, RateLimitedError, signIn, signOut, unstable_update } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { changePassword, createUser, deleteAccount, EmailTakenError } from '@/lib/auth/users';
import { changePasswordSchema, fieldErrors, signInSchema, signUpSchema } from '@/lib/auth/validation';
import { getDb } from '@/lib/db/client';
import { hitRateLimit } from '@/lib/rate-limit';

export type FormState = {
  /** Per-field messages, shown under each input. */
  errors?: Partial<Record<string, string>>;
  /** A message for the whole form (wrong password, rate limit, server trouble). */
  formError?: string;
  /** A confirmation (password changed). */
  notice?: string;
  /** What the reader typed, to refill the form after a failed no-JavaScript post (never passwords). */
  values?: { email?: string; name?: string };
};

const GENERIC_SIGN_IN_ERROR = '邮箱或密码不正确';
const SERVER_TROUBLE = '服务暂时不可用，请稍后再试';

function text(formData: FormData, key: string): string | undefined {
  const v = formData.get(key);
  return typeof v === 'string' ? v : undefined;
}

function retryMessage(seconds: number): string {
  return `尝试次数过多，请在 ${seconds} 秒后再试`;
}

/** Signs in through next-auth without its redirect, mapping its errors to form messages. */
async function credentialsSignIn(email: string, password: string): Promise<FormState | null> {
  try {
    await signIn('credentials', { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return { formError: retryMessage(error.retryAfterSec), values: { email } };
    if (error instanceof InvalidCredentialsError || error instanceof CredentialsSignin) return { formError: GENERIC_SIGN_IN_ERROR, values: { email } };
    console.error('[auth] sign-in failed:', error);
    return { formError: SERVER_TROUBLE, values: { email } };
  }
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const callbackUrl = safeCallbackPath(text(formData, 'callbackUrl'));
  const parsed = signInSchema.safeParse({ email: text(formData, 'email') ?? '', password: text(formData, 'password') ?? '' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: { email: text(formData, 'email') } };
  const failed = await credentialsSignIn(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  redirect(callbackUrl);
}

/** Sign-ups hash a password (deliberately slow), so one address may not create accounts in bulk. */
const SIGN_UP_RULE = { limit: 20, windowMs: 60 * 60 * 1000 };

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const callbackUrl = safeCallbackPath(text(formData, 'callbackUrl'));
  const raw = { email: text(formData, 'email') ?? '', password: text(formData, 'password') ?? '', name: text(formData, 'name') };
  const values = { email: raw.email, name: raw.name };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    const db = await getDb();
    const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, SIGN_UP_RULE);
    if (!limit.allowed) return { formError: `注册太频繁，请在 ${Math.ceil(limit.retryAfterSec / 60)} 分钟后再试`, values };
    await createUser(db, parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) return { errors: { email: '该邮箱已注册，请直接登录' }, values };
    console.error('[auth] sign-up failed:', error);
    return { formError: SERVER_TROUBLE, values };
  }
  const failed = await credentialsSignIn(parsed.data.email, parsed.data.password);
  if (failed) return failed;
  redirect(callbackUrl);
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = text(formData, 'provider');
  const callbackUrl = safeCallbackPath(text(formData, 'callbackUrl'));
  const configured = oauthProviders().find((p) => p.id === provider);
  if (!configured) redirect('/signin');
  await signIn(configured.id, { redirectTo: callbackUrl });
}

export async function signOutAction(formData: FormData): Promise<void> {
  await signOut({ redirectTo: safeCallbackPath(text(formData, 'callbackUrl')) });
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(formData, 'currentPassword') ?? '',
    newPassword: text(formData, 'newPassword') ?? '',
    confirmPassword: text(formData, 'confirmPassword') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  let result;
  try {
    result = await changePassword(await getDb(), user.id, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    console.error('[auth] password change failed:', error);
    return { formError: SERVER_TROUBLE };
  }
  if (!result.ok) {
    if (result.reason === 'wrong_password') return { errors: { currentPassword: '当前密码不正确' } };
    if (result.reason === 'no_password') return { formError: '此账户通过第三方登录，没有密码' };
    redirect('/signin');
  }
  // Re-issue this device's cookie at the new session version; other devices are now signed out.
  await unstable_update({});
  return { notice: '密码已修改。其他设备上的登录已失效。' };
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  if (text(formData, 'confirm') !== 'yes') return { errors: { confirm: '请勾选确认' } };
  let result;
  try {
    result = await deleteAccount(await getDb(), user.id, { password: text(formData, 'password'), email: text(formData, 'email') });
  } catch (error) {
    console.error('[auth] account deletion failed:', error);
    return { formError: SERVER_TROUBLE };
  }
  if (!result.ok) {
    if (result.reason === 'wrong_password') return { errors: { password: '密码不正确' } };
    if (result.reason === 'wrong_email') return { errors: { email: '邮箱与账户不一致' } };
  }
  await signOut({ redirectTo: '/signin?notice=deleted' });
  return {};
}
