'use client';
// Account creation: email, password (8–256 characters) and an optional nickname; signs the reader in on success.
import { useActionState } from 'react';
import { signUpAction, type FormState } from '@/lib/auth/actions';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/validation';
import { Field, FormMessage, SubmitButton } from './form-parts';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage error={state.formError} />
      <Field
        name="email"
        label="邮箱"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <Field
        name="password"
        label="密码"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`${PASSWORD_MIN_LENGTH} 到 ${PASSWORD_MAX_LENGTH} 个字符`}
        error={state.errors?.password}
      />
      <Field
        name="name"
        label="昵称（可选）"
        type="text"
        autoComplete="nickname"
        maxLength={NAME_MAX_LENGTH}
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <SubmitButton pendingText="正在注册…">注册</SubmitButton>
    </form>
  );
}
