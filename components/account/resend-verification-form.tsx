'use client';
// On the account page of an unverified reader: mail the verification link again.
import { useActionState } from 'react';
import { resendVerificationAction } from './account-actions';
import type { FormState } from './form-state';
import { FormMessage, SubmitButton } from './form-parts';
import { MailedNotice } from './mailed-notice';

export function ResendVerificationForm() {
  const [state, action] = useActionState<FormState>(resendVerificationAction, {});
  if (state.mailed) return <MailedNotice to={state.mailed.to} toLog={state.mailed.toLog} />;
  return (
    <form action={action} className="space-y-3">
      <FormMessage error={state.formError} notice={state.notice} />
      <div className="sm:w-48">
        <SubmitButton pendingText="正在发送…">发送验证邮件</SubmitButton>
      </div>
    </form>
  );
}
