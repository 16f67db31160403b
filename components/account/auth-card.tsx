// The centred panel the sign-in and sign-up pages sit in.
import type { ReactNode } from 'react';

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-sm px-4 py-12 sm:py-16">
      <h1 className="text-2xl font-bold text-fg">{title}</h1>
      {subtitle ? <p className="mt-2 text-sm text-muted">{subtitle}</p> : null}
      <div className="mt-8 space-y-6">{children}</div>
      {footer ? <div className="mt-8 border-t border-line pt-6 text-sm text-muted">{footer}</div> : null}
    </div>
  );
}
