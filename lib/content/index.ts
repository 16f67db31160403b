// The content index: the site index file the build compiled (site-db.ts, compile.ts), opened read-only,
// with the queries of queries.ts over it; compiled on first use where no build wrote one (`next dev`, a
// plain `next build`), one process at a time; and the process-wide instance pages use.
import path from 'node:path';
import {
  configuredIndex,
  getBuiltContentIndex,
  holdContentIndex,
  indexFileMatches,
  openContentIndex,
} from './built-index';
import { compileSiteIndex } from './compile';
import { withFileLock } from './file-lock';
import { contentIndexOver, type ContentIndex } from './queries';
import type { SiteDb } from './site-db';

export { aliasKey } from './alias';
export { ContentError, indexFileMatches, openContentIndex, resetContentIndex } from './built-index';
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

/**
 * The process-wide index: the build's index file, opened read-only (built-index.ts). Where no build wrote
 * one for this content (`next dev`, a plain `next build`), it is compiled first, by one process at a
 * time. Problems are logged once; with STRICT_CONTENT every call throws.
 */
export function getContentIndex(): ContentIndex {
  const built = getBuiltContentIndex();
  if (built) return built;
  const { dbFile, dir, timeZone } = configuredIndex();
  withFileLock(`${dbFile}.lock`, () => {
    if (indexFileMatches(dbFile, dir, timeZone)) return;
    const compiled = compileSiteIndex({ dir, timeZone, dbFile });
    console.info(
      `content: compiled the site index (${compiled.stats.articles} articles, ${compiled.stats.parsed} files parsed) in ${Math.round(compiled.stats.ms)} ms`,
    );
  });
  return holdContentIndex(dbFile, dir);
}
