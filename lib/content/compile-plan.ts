// The first step of a compile (compile.ts): which files to parse, which to carry over from the previous
// index file, and which drafts are as the last build left them; the index file to write is opened here
// (build-target.ts) and marked unfinished until compile.ts's finish().
import { createHash } from 'node:crypto';
import path from 'node:path';
import { abandon, startDb, type Started } from './build-target';
import type { CompileOptions } from './compile';
import { codeFingerprint } from './fingerprint';
import { fileStamp, listContentFiles, readContentFile } from './files';
import { storedDir } from './index-path.mjs';
import { SITE_DB_VERSION, type SiteDb } from './site-db';
import type { ContentProblem } from './types';

/** Wall time of the steps of a compile, for the build log. */
function stopwatch() {
  const phases: Array<[string, number]> = [];
  let last = performance.now();
  return {
    phases,
    lap(name: string) {
      const now = performance.now();
      phases.push([name, now - last]);
      last = now;
    },
  };
}
type Stopwatch = ReturnType<typeof stopwatch>;

type FileRow = { file: string; hash: string; size: number; mtime_ms: number; doc: number | null };
type Stamp = { size: number; mtimeMs: number };

export type Plan = {
  root: string;
  started: number;
  watch: Stopwatch;
  listingProblems: ContentProblem[];
  files: string[];
  /**
   * Every readable file now: its hash and stamp (a carried-over file's hash is the one the index holds;
   * in a build from nothing, every file, its hash left to the worker that reads it).
   */
  current: Map<string, { hash: string; stamp: Stamp }>;
  unreadable: ContentProblem[];
  previous: Map<string, FileRow>;
  toParse: string[];
  /** Marks of the drafts that are as the previous build found them (not parsed again). */
  keptDrafts: Buffer[];
  db: SiteDb;
  target: string;
  temporary: string | null;
  /** Writing into the previous index file itself (no one reads it). */
  inPlace: boolean;
  /** A clean build into a new file: feature indexes and the full-text merge wait for finish(). */
  bulk: boolean;
};

/**
 * What the index file keeps of a draft: a hash of its path and of its bytes' hash. It says "this file, with
 * these bytes, was a draft" to the next build, and nothing of the draft's text or name to anyone else.
 */
export function draftMark(file: string, hash: string): Buffer {
  return createHash('sha256').update(file).update('\0').update(hash).digest().subarray(0, 16);
}

function fingerprintKey(dir: string, timeZone: string): Record<string, string> {
  return { version: String(SITE_DB_VERSION), dir: storedDir(dir), timeZone, code: codeFingerprint() };
}

export function plan(opts: CompileOptions): Plan {
  const t0 = performance.now();
  const watch = stopwatch();
  const root = path.resolve(opts.dir);
  const key = fingerprintKey(root, opts.timeZone);
  const started = startDb(opts.dbFile, key);
  try {
    return planOn(opts, root, key, started, t0, watch);
  } catch (error) {
    abandon(started);
    throw error;
  }
}

function planOn(
  opts: CompileOptions,
  root: string,
  key: Record<string, string>,
  s: Started,
  t0: number,
  watch: Stopwatch,
): Plan {
  const { db, temporary, inPlace, reused } = s;
  const previous = new Map<string, FileRow>();
  const draftsBefore = new Set<string>();
  if (reused) {
    for (const row of db.prepare('SELECT file, hash, size, mtime_ms, doc FROM files').iterate() as Iterable<FileRow>)
      previous.set(row.file, row);
    for (const row of db.prepare('SELECT mark FROM draft_marks').iterate() as Iterable<{ mark: Buffer }>)
      draftsBefore.add(row.mark.toString('hex'));
  }
  const keptDrafts: Buffer[] = [];
  const listing = listContentFiles(root);
  const current = new Map<string, { hash: string; stamp: Stamp }>();
  const unreadable: ContentProblem[] = [];
  const toParse: string[] = [];
  const restamps: Array<[number, number, string]> = [];
  for (const file of listing.files) {
    const stamp = fileStamp(root, file);
    // Nothing to compare with: the worker that parses a file reads and hashes it (reading and hashing
    // 100,000 files here first cost 5 s before any parsing began).
    if (!reused) {
      current.set(file, { hash: '', stamp });
      toParse.push(file);
      continue;
    }
    const before = previous.get(file);
    // Same size and time as when it was indexed: carried over without reading it.
    if (before && before.size === stamp.size && before.mtime_ms === stamp.mtimeMs) {
      current.set(file, { hash: before.hash, stamp });
      continue;
    }
    const read = readContentFile(root, file);
    if ('problem' in read) {
      unreadable.push(read.problem);
      continue;
    }
    // A draft with the same bytes as last time is still a draft: nothing to parse, nothing to store.
    const mark = before ? null : draftMark(file, read.hash);
    if (mark && draftsBefore.has(mark.toString('hex'))) {
      keptDrafts.push(mark);
      continue;
    }
    current.set(file, { hash: read.hash, stamp });
    // A checkout or a copy changes times, not bytes: the same bytes are carried over too.
    if (before?.hash === read.hash) restamps.push([stamp.size, stamp.mtimeMs, file]);
    else toParse.push(file);
  }
  // Until finish() marks it ready, no server takes this file for an index (indexFileMatches); the next
  // build may carry its rows over (each batch commits a file's rows with its document).
  const setInfo = db.prepare('INSERT INTO info (key, value) VALUES (?, ?)');
  const restamp = db.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE file = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM info').run();
    for (const [k, v] of Object.entries({ ...key, state: 'building' })) setInfo.run(k, v);
    for (const [size, mtimeMs, file] of restamps) restamp.run(size, mtimeMs, file);
  })();
  watch.lap('listing');
  return {
    root,
    started: t0,
    watch,
    listingProblems: listing.problems,
    files: listing.files,
    current,
    unreadable,
    previous,
    toParse,
    keptDrafts,
    db,
    target: opts.dbFile,
    temporary,
    inPlace,
    bulk: temporary !== null && !reused,
  };
}
