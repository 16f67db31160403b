// A search index made from articles already turned into text, in memory: the same tables the build writes
// (tests and tools; the site's index comes from lib/content/compile.ts).
import type { ArticleMeta } from '@/lib/content/types';
import { createSiteDb } from '@/lib/content/site-db';
import { wallTimeIn } from '@/lib/format/time-zone';
import { searchPayload } from './documents';
import type { SearchIndex } from './run-query';

export type { SearchIndex } from './run-query';

export function buildSearchIndex(
  items: Iterable<{ meta: ArticleMeta; text: string }>,
  now: () => number = Date.now,
): SearchIndex {
  const db = createSiteDb(':memory:');
  const doc = db.prepare(
    'INSERT INTO search_docs (folded_title, body, diff_positions, diff_units) VALUES (?, ?, ?, ?)',
  );
  const terms = db.prepare('INSERT INTO search_terms (rowid, title, body) VALUES (?, ?, ?)');
  const article = db.prepare(
    'INSERT INTO articles (id, slug, file, date_ms, year, month, day, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const { meta, text } of items) {
      const s = searchPayload(meta.title, text);
      const id = Number(doc.run(s.foldedTitle, s.body, s.diffPositions, s.diffUnits).lastInsertRowid);
      terms.run(id, s.titleTerms, s.bodyTerms);
      const dateMs = Date.parse(meta.date);
      const wall = wallTimeIn(new Date(dateMs), 'UTC');
      article.run(id, meta.slug, meta.file, dateMs, wall.year, wall.month, wall.day, JSON.stringify(meta));
    }
  })();
  return { db, now };
}
