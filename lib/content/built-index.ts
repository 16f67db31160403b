// The site index the build compiled, opened read-only, and the process-wide instance — without the code
// that compiles one. The proxy and the start-up hook use this: every module they import is loaded before
// a fresh server answers its first request, and compiling pulls in the whole Markdown pipeline (~0.8 MB of
// server code). index.ts adds compiling, for where no build wrote the file (`next dev`, a plain `next build`).
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { takeFileLock } from './file-lock';
import { codeFingerprint } from './fingerprint';
import { formatProblem } from './problems';
import { contentIndexOver, type ContentIndex } from './queries';
import { INDEX_STEP_LOCK_ENV, storedDir } from './index-path.mjs';
import { openSiteDb, readInfoOf, siteDbPath, SITE_DB_VERSION } from './site-db';

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

/** The index file and content folder this process reads, from the configuration. */
export function configuredIndex(): { dbFile: string; dir: string; timeZone: string } {
  const config = getConfig();
  return {
    dbFile: siteDbPath(),
    dir: path.resolve(/*turbopackIgnore: true*/ config.contentDir),
    timeZone: config.timeZone,
  };
}

/** Opens `dbFile` as the process-wide index (its problems logged once) and returns it, checked. */
export function holdContentIndex(dbFile: string, dir: string): ContentIndex {
  const index = openContentIndex(dbFile, dir);
  for (const problem of index.problems) console.warn(`content: ${formatProblem(problem)}`);
  (globalThis as IndexHolder)[INDEX] = index;
  return checked(index);
}

/** With STRICT_CONTENT, an index with problems throws at every use. */
function checked(index: ContentIndex): ContentIndex {
  if (getConfig().strictContent && index.problems.length > 0) {
    const lines = index.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new ContentError(
      `STRICT_CONTENT is on and the content folder has ${index.problems.length} problem(s):\n${lines}\n` +
        'Fix them (npm run content:check lists the same) or unset STRICT_CONTENT.',
    );
  }
  return index;
}

/** The longest a build's page waits: build.mjs stops the build when the step fails; this bounds one that hangs. */
const INDEX_STEP_WAIT_MS = 3 * 60 * 60_000;
let indexStepAwaited = false;

/**
 * `npm run build` starts `next build` while its index step is still finishing the index file, and names
 * the step's lock (index-path.mjs). Until the step lets it go the file is missing or the previous build's,
 * so the build's pages wait before their first look. Never set for a server.
 */
function awaitIndexStep(): void {
  const lock = process.env[INDEX_STEP_LOCK_ENV];
  if (!lock || indexStepAwaited) return;
  takeFileLock(lock, { timeoutMs: INDEX_STEP_WAIT_MS, pollMs: 100 })?.release();
  indexStepAwaited = true;
}

/**
 * The process-wide index if it is open or the build's file can be opened as it is; null when the file
 * is missing or was compiled from something else (then getContentIndex() in index.ts compiles it).
 */
export function getBuiltContentIndex(): ContentIndex | null {
  const held = (globalThis as IndexHolder)[INDEX];
  if (held) return checked(held);
  awaitIndexStep();
  const { dbFile, dir, timeZone } = configuredIndex();
  return indexFileMatches(dbFile, dir, timeZone) ? holdContentIndex(dbFile, dir) : null;
}

/** Forgets the process-wide index so the next use opens it again (tests, dev tooling). */
export function resetContentIndex(): void {
  const holder = globalThis as IndexHolder;
  try {
    holder[INDEX]?.db.close();
  } catch {
    // Already closed.
  }
  delete holder[INDEX];
  indexStepAwaited = false;
}
