'use client';
// 忘记密码: asks for the address; the answer is the same whether it has an account or not.
import { useActionState } from 'react';
import { requestPasswordResetAction } from './email-actions';
import type { FormState } from './form-state';
import { EmailField, FormMessage, SubmitButton } from './form-parts';
import { MailedNotice } from './mailed-notice';

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(requestPasswordResetAction, {});
  if (state.mailed) {
    return (
      <MailedNotice to={state.mailed.to} toLog={state.mailed.toLog}>
        <p>如果这个邮箱注册过，邮件里有设置新密码的链接，1 小时内有效。</p>
      </MailedNotice>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage error={state.formError} />
      <EmailField defaultValue={state.values?.email} error={state.errors?.email} />
      <SubmitButton pendingText="正在发送…">发送重置链接</SubmitButton>
    </form>
  );
}
