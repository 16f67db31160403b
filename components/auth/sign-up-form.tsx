'use client';
// Account creation: email, password (8–256 characters) and an optional nickname; signs the reader in on success.
import { useActionState } from 'react';
import { signUpAction, type FormState } from '@/lib/auth/actions';
import { NAME_MAX_LENGTH } from '@/lib/auth/validation';
import { EmailField, Field, FormMessage, NewPasswordField, SubmitButton } from './form-parts';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage error={state.formError} />
      <EmailField defaultValue={state.values?.email} error={state.errors?.email} />
      <NewPasswordField name="password" label="密码" error={state.errors?.password} />
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
