// A picture (or a few) with its caption, centred in the column.
import type { ComponentProps } from 'react';

export function ArticleFigure({ children }: ComponentProps<'figure'>) {
  return <figure className="mx-0 my-8 text-center">{children}</figure>;
}

export function FigureCaption({ children }: ComponentProps<'figcaption'>) {
  return (
    <figcaption className="mx-auto mt-2 max-w-[36em] px-2 text-sm leading-relaxed text-muted">{children}</figcaption>
  );
}
