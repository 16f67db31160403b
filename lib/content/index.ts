// The content index: the site index file the build compiled (site-db.ts, compile.ts), opened read-only,
// with the queries of queries.ts over it; compiled on first use where no build wrote one (`next dev`, a
// plain `next build`), one process at a time; and the process-wide instance pages use.
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { compileSiteIndex } from './compile';
import { withFileLock } from './file-lock';
import { codeFingerprint } from './fingerprint';
import { readArticleBody } from './load';
import { formatProblem } from './problems';
import { contentIndexOver, type ContentIndex } from './queries';
import { openSiteDb, readInfoOf, siteDbPath, SITE_DB_VERSION, storedDir, type SiteDb } from './site-db';
import type { Article, ArticleMeta } from './types';

export { aliasKey } from './alias';
export type { ArchiveRow, ArchiveYearSummary, ContentIndex, TaxonomyEntry } from './queries';

export type BuildOptions = {
  dir: string;
  timeZone: string;
  /** The index file to compile into (incrementally, from the one there); undefined or null → in memory. */
  dbFile?: string | null;
  /** Called for every file parsed rather than carried over from the previous index file. */
  onParse?: (file: string) => void;
  /** The clock deciding which future-dated articles are published yet (tests pass a fake one). */
  now?: () => number;
};



/** Compiles `dir` (incrementally into `dbFile` when given, else in memory) and opens the result. */
export function buildContentIndex(opts: BuildOptions): ContentIndex {
  const dir = path.resolve(/*turbopackIgnore: true*/ opts.dir);
  const clock = opts.now ?? Date.now;
  if (!opts.dbFile) {
    const compiled = compileSiteIndex({ dir, timeZone: opts.timeZone, dbFile: ':memory:', onParse: opts.onParse });
    return contentIndexOver(compiled.db as SiteDb, dir, compiled, clock);
  }
  // Several processes may build at once (Next's build workers, say): one compiles, the next finds
  // nothing left to parse.
  const dbFile = opts.dbFile;
  withFileLock(`${dbFile}.lock`, () => compileSiteIndex({ dir, timeZone: opts.timeZone, dbFile, onParse: opts.onParse }));
  return openContentIndex(dbFile, dir, clock);
}

/** Opens a compiled index file. */
export function openContentIndex(dbFile: string, dir: string, clock: () => number = Date.now): ContentIndex {
  // Drafts are in no file the build writes: Draft Mode reads them from the content folder (preview.ts).
  return contentIndexOver(openSiteDb(dbFile), dir, { drafts: [], draftProblems: [] }, clock);
}

/**
 * Whether the index file was compiled from this folder with these settings (and, outside production, by
 * this code: a server runs the code it was built with; dev and tests change it under the file).
 */
export function indexFileMatches(dbFile: string, dir: string, timeZone: string): boolean {
  const info = readInfoOf(dbFile);
  return (
    info !== null &&
    info.state === 'ready' &&
    info.version === String(SITE_DB_VERSION) &&
    info.timeZone === timeZone &&
    info.dir === storedDir(dir) &&
    (process.env.NODE_ENV === 'production' || info.code === codeFingerprint())
  );
}

export class ContentError extends Error {
  override name = 'ContentError';
}

const INDEX = Symbol.for('hutong.contentIndex');
type IndexHolder = { [INDEX]?: ContentIndex };

/**
 * The process-wide index: the build's index file, opened read-only. Where no build wrote one for this
 * content (`next dev`, a plain `next build`), it is compiled first, by one process at a time. Problems
 * are logged once; with STRICT_CONTENT every call throws.
 */
export function getContentIndex(): ContentIndex {
  const holder = globalThis as IndexHolder;
  const config = getConfig();
  let index = holder[INDEX];
  if (!index) {
    const dbFile = siteDbPath();
    const dir = path.resolve(/*turbopackIgnore: true*/ config.contentDir);
    if (!indexFileMatches(dbFile, dir, config.timeZone)) {
      withFileLock(`${dbFile}.lock`, () => {
        if (indexFileMatches(dbFile, dir, config.timeZone)) return;
        const compiled = compileSiteIndex({ dir, timeZone: config.timeZone, dbFile });
        console.info(
          `content: compiled the site index (${compiled.stats.articles} articles, ${compiled.stats.parsed} files parsed) in ${Math.round(compiled.stats.ms)} ms`,
        );
      });
    }
    index = openContentIndex(dbFile, dir);
    for (const problem of index.problems) console.warn(`content: ${formatProblem(problem)}`);
    holder[INDEX] = index;
  }
  if (config.strictContent && index.problems.length > 0) {
    const lines = index.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new ContentError(
      `STRICT_CONTENT is on and the content folder has ${index.problems.length} problem(s):\n${lines}\n` +
        'Fix them (npm run content:check lists the same) or unset STRICT_CONTENT.',
    );
  }
  return index;
}

/** Forgets the process-wide index so the next getContentIndex() opens it again (tests, dev tooling). */
export function resetContentIndex(): void {
  const holder = globalThis as IndexHolder;
  try {
    holder[INDEX]?.db.close();
  } catch {
    // Already closed.
  }
  delete holder[INDEX];
}

function withBody(index: ContentIndex, meta: ArticleMeta | undefined): Article | undefined {
  if (!meta) return undefined;
  const body = readArticleBody(index.dir, meta.file);
  return body === null ? undefined : { ...meta, body };
}

/** A published article with its body, read from disk now (the index keeps no bodies). */
export function getArticle(slug: string): Article | undefined {
  const index = getContentIndex();
  return withBody(index, index.getMeta(slug));
}
