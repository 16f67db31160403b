'use client';
// The form a reset link leads to: the new password, twice. Succeeding signs out every device and sends
// the reader to sign in with it.
import { useActionState } from 'react';
import { resetPasswordAction } from '@/components/account/email-actions';
import type { FormState } from '@/components/account/form-state';
import { Field, FormMessage, NewPasswordField, SubmitButton } from './form-parts';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state.formError} />
      <NewPasswordField name="newPassword" label="新密码" error={state.errors?.newPassword} />
      <Field
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.confirmPassword}
      />
      <SubmitButton pendingText="正在保存…">设置新密码</SubmitButton>
    </form>
  );
}
