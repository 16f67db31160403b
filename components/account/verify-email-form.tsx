'use client';
// The button a verification link leads to: the address is confirmed by this post, not by opening the
// link, so a mail scanner that follows links cannot confirm it for the reader.
import Link from 'next/link';
import { useActionState } from 'react';
import { verifyEmailAction } from './email-actions';
import type { FormState } from './form-state';
import { FormMessage, SubmitButton } from './form-parts';

export function VerifyEmailForm({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(verifyEmailAction, {});
  if (state.notice) {
    return (
      <div className="space-y-4">
        <FormMessage notice={state.notice} />
        <Link
          href={signedIn ? '/account' : '/signin'}
          className="inline-flex h-10 items-center rounded-md bg-accent px-4 text-accent-fg hover:opacity-90"
        >
          {signedIn ? '回到账户' : '去登录'}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state.formError} />
      <p className="text-fg">
        确认 <strong className="break-all">{email}</strong> 是你的邮箱。
      </p>
      <SubmitButton pendingText="正在验证…">确认验证</SubmitButton>
    </form>
  );
}
