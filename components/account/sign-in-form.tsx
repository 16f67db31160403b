'use client';
// Email + password sign-in; errors appear inline, and it posts as a plain form when JavaScript is off.
import { useActionState } from 'react';
import { signInAction, type FormState } from './actions';
import { EmailField, Field, FormMessage, SubmitButton } from './form-parts';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage error={state.formError} />
      <EmailField defaultValue={state.values?.email} error={state.errors?.email} />
      <Field
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        required
        error={state.errors?.password}
      />
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
