// A content index in memory from article records (with their readable text where search matters), written
// through the same rows as the build's index file: for tests and tools that have records, not files.
import { contentIndexOver, type ContentIndex } from './queries';
import { insertArticle, insertDocument } from './index-rows';
import { featuresOf } from './features';
import { createSiteDb } from './site-db';
import type { ArticleMeta } from './types';
import { searchPayload } from '@/lib/search/documents';

export function indexFromArticles(
  items: Iterable<{ meta: ArticleMeta; text?: string }>,
  { now = Date.now, timeZone = 'Asia/Shanghai', dir = '.' }: { now?: () => number; timeZone?: string; dir?: string } = {},
): ContentIndex {
  const db = createSiteDb(':memory:');
  const drafts: ArticleMeta[] = [];
  db.transaction(() => {
    for (const { meta, text } of items) {
      if (meta.draft) {
        drafts.push(meta);
        continue;
      }
      const id = insertDocument(db, meta, searchPayload(meta.title, text ?? ''), [...featuresOf(meta)]);
      insertArticle(db, id, meta, timeZone);
    }
  })();
  db.exec('INSERT INTO feature_df SELECT key, count(*) FROM features GROUP BY key');
  return contentIndexOver(db, dir, { drafts, draftProblems: [] }, now);
}
