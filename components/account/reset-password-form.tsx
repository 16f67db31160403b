'use client';
// The form a reset link leads to: the new password, twice. Succeeding signs out every device and sends
// the reader to sign in with it.
import { useActionState } from 'react';
import { resetPasswordAction } from './email-actions';
import type { FormState } from './form-state';
import { FormMessage, NewPasswordPair, SubmitButton } from './form-parts';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state.formError} />
      <NewPasswordPair errors={state.errors} />
      <SubmitButton pendingText="正在保存…">设置新密码</SubmitButton>
    </form>
  );
}
