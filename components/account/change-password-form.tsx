'use client';
// Change password on the account page; other devices are signed out once it succeeds.
import { useActionState } from 'react';
import { changePasswordAction } from './account-actions';
import type { FormState } from './form-state';
import { Field, FormMessage, NewPasswordPair, SubmitButton } from './form-parts';

export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage error={state.formError} notice={state.notice} />
      <Field
        name="currentPassword"
        label="当前密码"
        type="password"
        autoComplete="current-password"
        required
        error={state.errors?.currentPassword}
      />
      <NewPasswordPair errors={state.errors} />
      <div className="sm:w-40">
        <SubmitButton pendingText="正在保存…">修改密码</SubmitButton>
      </div>
    </form>
  );
}
