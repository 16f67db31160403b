'use client';
// Change password on the account page; other devices are signed out once it succeeds.
import { useActionState } from 'react';
import { changePasswordAction, type FormState } from '@/lib/auth/actions';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/validation';
import { Field, FormMessage, SubmitButton } from './form-parts';

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
      <Field
        name="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`${PASSWORD_MIN_LENGTH} 到 ${PASSWORD_MAX_LENGTH} 个字符`}
        error={state.errors?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.confirmPassword}
      />
      <div className="sm:w-40">
        <SubmitButton pendingText="正在保存…">修改密码</SubmitButton>
      </div>
    </form>
  );
}
