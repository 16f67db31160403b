// The rows one article puts into the site index (site-db.ts), written the same way by the build's compile
// and by the in-memory indexes tests and tools make.
import { aliasKey } from './alias';
import { firstIdOfSecond, SLOTS_PER_SECOND } from './doc-ids';
import { TERM, type SiteDb } from './site-db';
import type { ArticleMeta } from './types';
import { wallTimeIn } from '@/lib/format/time-zone';
import type { SearchPayload } from '@/lib/search/documents';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<SiteDb, Statements>();

function prepare(db: SiteDb) {
  return {
    doc: db.prepare(
      'INSERT INTO search_docs (id, folded_title, body, diff_positions, diff_units) VALUES (?, ?, ?, ?, ?)',
    ),
    lastInSecond: db.prepare('SELECT max(id) FROM search_docs WHERE id >= ? AND id < ?').pluck(),
    terms: db.prepare('INSERT INTO search_terms (rowid, title, body) VALUES (?, ?, ?)'),
    titleTerms: db.prepare('INSERT INTO search_titles (rowid, title) VALUES (?, ?)'),
    feature: db.prepare('INSERT INTO features (key, article, date_ms, weight) VALUES (?, ?, ?, ?)'),
    article: db.prepare(
      'INSERT INTO articles (id, slug, file, date_ms, year, month, day, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    term: db.prepare('INSERT INTO terms (kind, name, article, date_ms, slug) VALUES (?, ?, ?, ?, ?)'),
    alias: db.prepare('INSERT OR IGNORE INTO aliases (key, article) VALUES (?, ?)'),
    dropDoc: db.prepare('DELETE FROM search_docs WHERE id = ?'),
    dropTerms: db.prepare('DELETE FROM search_terms WHERE rowid = ?'),
    dropTitleTerms: db.prepare('DELETE FROM search_titles WHERE rowid = ?'),
    dropFeatures: db.prepare('DELETE FROM features WHERE article = ?'),
  };
}

function statements(db: SiteDb): Statements {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

/** Stores a search document and the article's related-reading features; returns the document's number (doc-ids.ts). */
export function insertDocument(db: SiteDb, meta: ArticleMeta, search: SearchPayload, features: Array<[string, number]>): number {
  const s = statements(db);
  const dateMs = Date.parse(meta.date);
  const first = firstIdOfSecond(dateMs);
  const last = s.lastInSecond.get(first, first + SLOTS_PER_SECOND) as number | null;
  const id = last === null ? first : last + 1;
  s.doc.run(id, search.foldedTitle, search.body, search.diffPositions, search.diffUnits);
  s.terms.run(id, search.titleTerms, search.bodyTerms);
  s.titleTerms.run(id, search.titleTerms);
  for (const [key, weight] of features) s.feature.run(key, id, dateMs, weight);
  return id;
}

export function deleteDocument(db: SiteDb, id: number): void {
  const s = statements(db);
  s.dropDoc.run(id);
  s.dropTerms.run(id);
  s.dropTitleTerms.run(id);
  s.dropFeatures.run(id);
}

/** The article's listing rows: the article, its categories, author and tags, and its old addresses. */
export function insertArticle(db: SiteDb, id: number, meta: ArticleMeta, timeZone: string): void {
  const s = statements(db);
  const dateMs = Date.parse(meta.date);
  const wall = wallTimeIn(new Date(dateMs), timeZone);
  s.article.run(id, meta.slug, meta.file, dateMs, wall.year, wall.month, wall.day, JSON.stringify(meta));
  const names = (list: string[]) => [...new Set(list.map((n) => n.normalize('NFC').trim()))];
  for (const name of names(meta.categories)) s.term.run(TERM.category, name, id, dateMs, meta.slug);
  if (meta.author) s.term.run(TERM.author, meta.author.normalize('NFC').trim(), id, dateMs, meta.slug);
  for (const name of names(meta.tags)) s.term.run(TERM.tag, name, id, dateMs, meta.slug);
  for (const alias of meta.aliases) s.alias.run(aliasKey(alias), id);
}
