// A search index made from articles already turned into text, in memory: the site index's own tables
// (lib/content/memory-index.ts), for tests and tools; the site's index comes from lib/content/compile.ts.
import type { ArticleMeta } from '@/lib/content/types';
import { indexFromArticles } from '@/lib/content/memory-index';
import type { SearchIndex } from './run-query';

export type { SearchIndex } from './run-query';

export function buildSearchIndex(
  items: Iterable<{ meta: ArticleMeta; text: string }>,
  now: () => number = Date.now,
): SearchIndex {
  const content = indexFromArticles(items, { now, timeZone: 'UTC' });
  return { db: content.db, now: content.now };
}
