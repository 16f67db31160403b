'use client';
// Deletes the account with all its bookmarks and reading history, after the reader confirms with their password
// (or email, for GitHub / Google accounts).
import { useActionState } from 'react';
import { deleteAccountAction } from './account-actions';
import type { FormState } from './form-state';
import { Field, FormMessage, SubmitButton } from './form-parts';

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage error={state.formError} />
      {hasPassword ? (
        <Field
          id="delete-password"
          name="password"
          label="输入密码以确认"
          type="password"
          autoComplete="current-password"
          required
          error={state.errors?.password}
        />
      ) : (
        <Field
          id="delete-email"
          name="email"
          label="输入账户邮箱以确认"
          type="email"
          required
          error={state.errors?.email}
        />
      )}
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm text-fg">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-invalid={state.errors?.confirm ? true : undefined}
            aria-describedby={state.errors?.confirm ? 'delete-confirm-error' : undefined}
            className="mt-1 accent-[var(--c-accent)]"
          />
          我明白：账户、全部收藏和阅读记录将被永久删除，无法恢复。
        </label>
        {state.errors?.confirm ? (
          <p id="delete-confirm-error" className="text-sm text-accent">
            {state.errors.confirm}
          </p>
        ) : null}
      </div>
      <div className="sm:w-40">
        <SubmitButton pendingText="正在删除…" tone="danger">
          删除账户
        </SubmitButton>
      </div>
    </form>
  );
}
