'use client';
// The pieces every account form shares: a labelled input with its inline error, the form-level message, and a
// submit button that shows progress.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/accounts/users/validation';

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function Field({ name, label, error, hint, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy =
    [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={
          'block h-10 w-full rounded-md border bg-bg px-3 text-base text-fg placeholder:text-muted/70 focus:border-accent ' +
          (error ? 'border-accent' : 'border-line')
        }
        {...input}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-accent">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The sign-in / sign-up email input: the right keyboard and autofill, and the value kept after an error. */
export function EmailField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <Field
      name="email"
      label="邮箱"
      type="email"
      autoComplete="email"
      inputMode="email"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/** A password being chosen: the same length rules, shown as a hint, wherever a reader sets one. */
export function NewPasswordField({ name, label, error }: { name: string; label: string; error?: string }) {
  return (
    <Field
      name={name}
      label={label}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      hint={`${PASSWORD_MIN_LENGTH} 到 ${PASSWORD_MAX_LENGTH} 个字符。几个不相关的词连成一句最好记，也最难猜；常用密码和你的邮箱名会被拒绝。`}
      error={error}
    />
  );
}

/** A new password and the same again: changing it on /account, and setting it from a reset link. */
export function NewPasswordPair({ errors }: { errors?: Partial<Record<string, string>> }) {
  return (
    <>
      <NewPasswordField name="newPassword" label="新密码" error={errors?.newPassword} />
      <Field
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.confirmPassword}
      />
    </>
  );
}

export function FormMessage({ error, notice }: { error?: string; notice?: string }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-accent/40 bg-accent/10 px-3 py-2 text-sm text-accent">
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p role="status" className="rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg">
        {notice}
      </p>
    );
  }
  return null;
}

export function SubmitButton({
  children,
  pendingText,
  tone = 'primary',
}: {
  children: ReactNode;
  pendingText: string;
  tone?: 'primary' | 'danger';
}) {
  const { pending } = useFormStatus();
  const colors =
    tone === 'danger'
      ? 'border border-accent text-accent hover:bg-accent hover:text-accent-fg'
      : 'bg-accent text-accent-fg hover:opacity-90';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex h-10 w-full items-center justify-center rounded-md px-4 text-base font-medium transition-opacity disabled:opacity-60 ${colors}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
