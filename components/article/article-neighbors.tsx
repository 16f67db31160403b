import { IntentLink } from '@/components/layout/intent-link';
import type { ArticleMeta } from '@/lib/content/types';
import { articlePath } from '@/lib/content/paths';

type Props = { newer: ArticleMeta | null; older: ArticleMeta | null };

export function ArticleNeighbors({ newer, older }: Props) {
  if (!newer && !older) return null;
  const box = 'block rounded-lg border border-line p-4 hover:border-accent hover:bg-surface';
  return (
    <nav aria-label="上一篇与下一篇" className="mt-12 grid gap-3 sm:grid-cols-2 print:hidden">
      {older ? (
        <IntentLink href={articlePath(older.slug)} rel="prev" className={box}>
          <span className="block text-xs text-muted">← 上一篇（较早）</span>
          <span className="mt-1 block font-semibold">{older.title}</span>
        </IntentLink>
      ) : (
        <span className="hidden sm:block" />
      )}
      {newer ? (
        <IntentLink href={articlePath(newer.slug)} rel="next" className={`${box} sm:text-right`}>
          <span className="block text-xs text-muted">下一篇（较新）→</span>
          <span className="mt-1 block font-semibold">{newer.title}</span>
        </IntentLink>
      ) : null}
    </nav>
  );
}
