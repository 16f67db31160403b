// The site index: one SQLite file the build compiles from the content folder (compile.ts) and every server
// opens read-only (index.ts, lib/search). SQLite because it is the proven way to keep an index on disk and
// read only the pages a query needs: server memory and start-up no longer grow with the archive.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { siteIndexFile } from './index-path.mjs';

/** Bump when a table changes shape: an index file of another version is compiled again, never read. */
export const SITE_DB_VERSION = 4;

export type SiteDb = Database.Database;

/** Taxonomy kinds as stored in `terms.kind`. */
export const TERM = { category: 0, author: 1, tag: 2 } as const;
export type TermKind = keyof typeof TERM;

export const SCHEMA = `
CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- One row per content file that is not a draft: what parsing it gave, kept so the next build re-parses only
-- files whose bytes changed. doc links to the search document made from the same bytes.
CREATE TABLE files (
  file TEXT PRIMARY KEY, hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, parsed TEXT NOT NULL, doc INTEGER
) WITHOUT ROWID;
-- Drafts stay out of this file: one mark per draft (a hash of its path and bytes, nothing of its text), so
-- the next build skips a draft that has not changed instead of parsing it again.
CREATE TABLE draft_marks (mark BLOB PRIMARY KEY) WITHOUT ROWID;
-- Articles that are not drafts: published ones and scheduled ones (date in the future), which every query
-- filters out by date until their time. id is the search document's number.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, file TEXT NOT NULL, date_ms INTEGER NOT NULL,
  year INTEGER NOT NULL, month INTEGER NOT NULL, day INTEGER NOT NULL, meta TEXT NOT NULL
);
CREATE INDEX articles_by_date ON articles (date_ms DESC, slug);
CREATE INDEX articles_by_file ON articles (file);
-- The archive's counts by month, read from the index alone.
CREATE INDEX articles_by_month ON articles (year, month, date_ms);
CREATE TABLE terms (kind INTEGER NOT NULL, name TEXT NOT NULL, article INTEGER NOT NULL, date_ms INTEGER NOT NULL, slug TEXT NOT NULL);
CREATE INDEX terms_by_name ON terms (kind, name, date_ms DESC, slug);
CREATE TABLE aliases (key TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE problems (file TEXT NOT NULL, field TEXT, reason TEXT NOT NULL, excluded INTEGER NOT NULL);
-- 相关阅读: the features each article shares with others (tags, categories, title and excerpt words).
CREATE TABLE features (key TEXT NOT NULL, article INTEGER NOT NULL, date_ms INTEGER NOT NULL, weight REAL NOT NULL);
-- How many articles have each feature (scheduled ones included: a slight overcount until they go live).
CREATE TABLE feature_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
-- Search: the folded text of each document (phrases, snippets), and the full-text index over its terms.
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY, folded_title TEXT NOT NULL, body TEXT NOT NULL, diff_positions BLOB, diff_units BLOB
);
CREATE VIRTUAL TABLE search_terms USING fts5(
  title, body, tokenize = 'ascii', content = '', contentless_delete = 1
);
-- The title terms again, on their own: "the newest articles with these words in the title" read from
-- search_terms with a column filter walks every match's doclist (~6 ms a query at 100,000 articles);
-- here it reads only titles (~0.1 ms).
CREATE VIRTUAL TABLE search_titles USING fts5(
  title, tokenize = 'ascii', content = '', contentless_delete = 1
);
`;

/** The full-text tables, merged and tuned alike. */
const FULL_TEXT_TABLES = ['search_terms', 'search_titles'] as const;

/**
 * Where the build writes the site index and where servers read it: `.hutong/<build folder>/site.db`
 * (index-path.mjs says why not in the build folder), which next.config.mjs traces into packaged
 * functions, and which the next build reuses.
 */
export function siteDbPath(cwd: string = process.cwd()): string {
  // turbopackIgnore: a runtime path, not a file the server bundle depends on.
  return path.join(/*turbopackIgnore: true*/ cwd, siteIndexFile());
}

/**
 * The indexes over the largest table, features (~40 rows an article): a clean build creates them once
 * its rows are in (sorting 4 million rows once is far cheaper than keeping two B-trees in order through
 * 4 million random inserts); they exist before any incremental build, which deletes by article.
 */
export const FEATURE_INDEXES = `
CREATE INDEX IF NOT EXISTS features_by_key ON features (key, date_ms, article, weight);
CREATE INDEX IF NOT EXISTS features_by_article ON features (article);
`;

/**
 * Pages of 16 KiB, not SQLite's 4 KiB: a search document (~8 KiB of folded text) and a file's parse (~1.6 KiB,
 * in a WITHOUT ROWID table whose rows spill to overflow pages past ~1 KiB at 4 KiB) each fit in one page,
 * and the full-text index's leaves (FULL_TEXT_LEAF_BYTES) hold four times the postings. Measured on 20,000
 * corpus articles (.bench corpus, writing alone, two rounds): 0.55 → 0.47 ms an article written, full-text
 * merge 2.8–3.5 → 1.7 s; at 100,000 the index step's writing thread 98 → 95 s and merge 16.6 → 13.6 s. Query
 * latency unchanged (bench/search-load.ts at 100,000: p95 3.0–3.1 vs 3.4 ms, distinct queries p95 3.1–6.0 vs
 * 2.5–2.6 ms); the file is 3 % smaller.
 */
export const PAGE_BYTES = 16384;
/** FTS5's leaf size ('pgsz'; its default, 4,050, suits 4 KiB pages): a leaf is a row of its _data table, in one page. */
const FULL_TEXT_LEAF_BYTES = PAGE_BYTES - 384;

/** Page cache of a build's writing connection: the B-trees and FTS5 segments being written stay in memory. */
const BUILD_CACHE_KIB = 256 * 1024;

function forWriting(db: SiteDb): SiteDb {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  return db;
}

/**
 * FTS5's settings while a clean build streams every article in, and the defaults they go back to
 * (optimizeFullText) for the small updates of later builds. `automerge` 0: no merging as documents come
 * in. `hashsize`: the terms FTS5 holds in memory before writing them out as a new segment (1 MiB by
 * default, a segment every ~25 articles, 4,000 at 100,000); 64 MiB leaves one a write window.
 * `crisismerge`: how many segments of one level force a merge even so (16 by default: those 4,000
 * were merged and merged again on the way in); 1,000, so that a clean build's ~100 are merged once, at
 * the end. Measured inserting the full-text rows of the first 100,000 bench articles alone, windows of
 * 1,024 (bench corpus, this 2-core machine): 44.3 s to insert and 9.8 s to merge by default; 25.9 s and
 * 9.3 s with both (crisismerge alone 27.9 + 10.1 s, hashsize alone 35.8 + 8.8 s); the same single
 * segment at the end, so queries read what they read before.
 */
const BULK_FULL_TEXT = { automerge: 0, hashsize: 64 * 1024 * 1024, crisismerge: 1000 } as const;
const DEFAULT_FULL_TEXT = { automerge: 4, hashsize: 1024 * 1024, crisismerge: 16 } as const;

function setFullText(db: SiteDb, settings: Record<string, number>): void {
  // Written out, not bound: FTS5 takes only an integer, and a bound JavaScript number is a real.
  for (const table of FULL_TEXT_TABLES)
    for (const [name, value] of Object.entries(settings))
      db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('${name}', ${Math.trunc(value)})`);
}

/**
 * A new, empty index file. `bulk`: a clean build about to insert every article: the feature indexes
 * wait until the rows are in (FEATURE_INDEXES), and FTS5 writes large segments and does not merge them
 * while documents stream in (BULK_FULL_TEXT; optimizeFullText() at the end leaves the single segment
 * queries read fastest).
 */
export function createSiteDb(file: string, options: { bulk?: boolean } = {}): SiteDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // Before the first table: a new file only takes its page size then.
  db.pragma(`page_size = ${PAGE_BYTES}`);
  forWriting(db);
  db.exec(SCHEMA);
  setFullText(db, { pgsz: FULL_TEXT_LEAF_BYTES });
  if (options.bulk) setFullText(db, BULK_FULL_TEXT);
  else db.exec(FEATURE_INDEXES);
  return db;
}

/** After a bulk load: the full-text index merged into one segment, and FTS5's default settings back on. */
export function optimizeFullText(db: SiteDb): void {
  for (const table of FULL_TEXT_TABLES) db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  // FTS5's defaults, for the small updates of later incremental builds.
  setFullText(db, DEFAULT_FULL_TEXT);
}

/** Opens an existing index file to update it (the build's copy of the previous one). */
export function openWritableSiteDb(file: string): SiteDb {
  return forWriting(new Database(file, { fileMustExist: true }));
}

/**
 * Opens the index file itself to update it in place, or returns null when someone reads it (a server
 * holds a shared lock on the file it reads: openSiteDb). Once open, no one can start reading it until it
 * is closed: the connection keeps SQLite's exclusive lock from its first write to its close. Its changes
 * go through a rollback journal, so a build that dies halfway leaves the file as its last commit left it.
 */
export function openSiteDbInPlace(file: string): SiteDb | null {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
    // Takes the exclusive lock now (and keeps it): busy when a reader holds its shared lock.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
}

/**
 * Opens an index file to read. Throws when it is missing or not one. The connection holds a shared lock
 * on the file while it is open (a read transaction that never ends; the file never changes under it),
 * which tells a build that the file is in use: it then writes a copy and renames it over instead of
 * updating the file in place (compile.ts). `hold: false` for a look that closes at once.
 */
export function openSiteDb(file: string, { hold = true }: { hold?: boolean } = {}): SiteDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (hold) {
    try {
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** The info rows of an index file (what made it, and whether it is finished); null when it cannot be read. */
export function readInfoOf(file: string): Record<string, string> | null {
  try {
    const db = openSiteDb(file, { hold: false });
    try {
      return readInfo(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function readInfo(db: SiteDb): Record<string, string> {
  try {
    const rows = db.prepare('SELECT key, value FROM info').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  } catch {
    return {};
  }
}
