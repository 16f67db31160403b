import type { ArticleMeta } from '@/lib/content/types';

/** The picture a listing shows for an article: its thumbnail, else its head image, else its first body image. */
export function cardImage(article: Pick<ArticleMeta, 'thumbnail' | 'headimg' | 'firstImage'>): string | null {
  return article.thumbnail ?? article.headimg ?? article.firstImage?.src ?? null;
}
