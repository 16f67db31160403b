// A section of the article: its h2 and the "#" permalink beside it (the id and href come from lib/render).
import type { ComponentProps } from 'react';

/** Lays the title and its permalink on one line; spacing lives here because the h2 sits inside. */
export function SectionHeading({ children }: ComponentProps<'div'>) {
  return <div className="section-heading mt-[2.2em] mb-[0.2em] flex items-baseline gap-2">{children}</div>;
}

export function SectionTitle({ id, children }: ComponentProps<'h2'>) {
  return (
    <h2 id={id} className="m-0 min-w-0 text-[1.35em] leading-[1.45] font-bold text-fg">
      {children}
    </h2>
  );
}

/** Subtle until pointed at or focused; its accessible name ("链接到本节：…") comes from the transform. */
export function HeadingAnchor({ href, children, 'aria-label': label }: ComponentProps<'a'>) {
  return (
    <a
      href={href}
      aria-label={label}
      className="heading-anchor shrink-0 rounded px-1 text-[1.1em] font-normal text-muted no-underline opacity-60 hover:text-accent hover:opacity-100 focus-visible:opacity-100"
    >
      {children}
    </a>
  );
}
