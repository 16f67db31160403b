// A link that leaves the site: a new tab, no referrer, no ranking credit, and said so to every reader.
import type { ComponentProps } from 'react';

export const NEW_TAB_HINT = '（在新标签页打开）';

export function ExternalLink({ href, title, children }: ComponentProps<'a'>) {
  return (
    <a href={href} title={title} target="_blank" rel="nofollow noopener noreferrer" className="external-link">
      {children}
      {/* inline-block keeps the link's underline off the arrow. */}
      <span aria-hidden="true" className="ms-0.5 inline-block text-[0.75em] leading-none">
        ↗
      </span>
      <span className="sr-only">{NEW_TAB_HINT}</span>
    </a>
  );
}
