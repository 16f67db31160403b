'use server';
// The 退出 action, on its own: the header's account menu refers to it from every page, so every page's
// server code carries this module. Kept apart from actions.ts (mail, password strength, sign-up), and
// next-auth is loaded when someone signs out, not when a page is first rendered.
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';
import { text } from './form-state';

/** Ends this session on the server too (next-auth's signOut event deletes its row), not just the cookie. */
export async function signOutAction(formData: FormData): Promise<void> {
  const { signOut } = await import('@/lib/accounts/auth');
  await signOut({ redirectTo: safeCallbackPath(text(formData, 'callbackUrl')) });
}
