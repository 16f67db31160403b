// What the highlights pages and exports say of the article a highlight belongs to: its title, author and
// address while it is published, only its slug once it has left content/ (the highlight is kept).
import { absoluteUrl } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import type { ArticleRef } from './highlights-export';

export function highlightArticleRef(slug: string): ArticleRef {
  const meta = getContentIndex().getMeta(slug);
  return {
    slug,
    title: meta?.title ?? null,
    author: meta?.author ?? null,
    url: meta ? absoluteUrl(articlePath(slug)) : null,
  };
}
