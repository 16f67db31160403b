'use client';
// 清除阅读记录: forgets every article the reader opened (the home page's 继续阅读), on every device.
import { useActionState } from 'react';
import type { FormState } from './actions';
import { clearReadingHistoryAction } from './history-actions';
import { FormMessage, SubmitButton } from './form-parts';

export function ClearHistoryForm() {
  const [state, action] = useActionState<FormState, FormData>(clearReadingHistoryAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage error={state.formError} notice={state.notice} />
      <div className="sm:w-40">
        <SubmitButton pendingText="正在清除…" tone="danger">
          清除阅读记录
        </SubmitButton>
      </div>
    </form>
  );
}
