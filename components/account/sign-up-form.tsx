'use client';
// Account creation: email, password (checked for strength on the server) and an optional nickname. The
// answer is "请查收邮件" for a new address and a registered one alike; the mail says what to do next.
import Link from 'next/link';
import { useActionState } from 'react';
import { signUpAction } from './actions';
import type { FormState } from './form-state';
import { NAME_MAX_LENGTH } from '@/lib/accounts/users/validation';
import { MailedNotice } from './mailed-notice';
import { EmailField, Field, FormMessage, NewPasswordField, SubmitButton } from './form-parts';

export function SignUpForm({ callbackUrl, signInHref }: { callbackUrl: string; signInHref: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  if (state.mailed) {
    return (
      <MailedNotice to={state.mailed.to} toLog={state.mailed.toLog}>
        <p>验证邮箱之后，编辑权限等需要确认身份的功能才会生效；在那之前也可以先登录，收藏和阅读记录照常可用。</p>
        <p>
          <Link href={signInHref} className="font-medium text-accent underline underline-offset-2 hover:decoration-2">
            去登录
          </Link>
        </p>
      </MailedNotice>
    );
  }
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
