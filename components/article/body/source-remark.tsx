// The source's note ("本文来自…，作者…"): credit kept, visually set apart from the article's own words.
import type { ComponentProps } from 'react';

export function SourceRemark({ children }: ComponentProps<'p'>) {
  return (
    <p className="source-remark rounded-md border-s-2 border-line bg-surface px-4 py-2.5 text-sm leading-relaxed text-muted">
      {children}
    </p>
  );
}

export function InlineRemark({ children }: ComponentProps<'span'>) {
  return <span className="source-remark text-[0.9em] text-muted">{children}</span>;
}
