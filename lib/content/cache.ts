// The on-disk parse cache: per-file results keyed by content hash, so a rebuild re-parses only what changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRecord, ParsedFile } from './load';

/** Bump when the shape of a cached ParsedFile changes. */
export const CACHE_VERSION = 1;

export type CacheEntry = { hash: string; parsed: ParsedFile };

type CacheFile = { version: number; key: string; entries: Record<string, CacheEntry> };

/** `<build folder>/cache/hutong/content-index.json` when a Next.js build folder exists, else no cache. */
export function defaultCacheFile(cwd: string = process.cwd()): string | null {
  // NEXT_DIST_DIR moves the build folder (next.config.mjs); the benchmark builds corpora side by side.
  // turbopackIgnore: a runtime path, not a file the server bundle depends on (else Next traces the whole project).
  const next = path.join(/*turbopackIgnore: true*/ cwd, process.env.NEXT_DIST_DIR || '.next');
  return fs.existsSync(/*turbopackIgnore: true*/ next) ? path.join(/*turbopackIgnore: true*/ next, 'cache', 'hutong', 'content-index.json') : null;
}

function listSources(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listSources(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    })
    .sort();
}

/**
 * Identifies the code that produced cached results: the loader's and the renderer's analysis
 * sources, when they are on disk (builds, dev, tests). Without it a change to, say, the excerpt
 * rules would keep serving stale excerpts from `.next/cache` across deploys.
 */
const fingerprints = new Map<string, string>();

export function codeFingerprint(cwd: string = process.cwd()): string {
  // The sources do not change under a running process; hash them once, not on every index build.
  const known = fingerprints.get(cwd);
  if (known) return known;
  const hash = createHash('sha1').update(`v${CACHE_VERSION}`);
  for (const file of [...listSources(path.join(cwd, 'lib', 'content')), ...listSources(path.join(cwd, 'lib', 'render'))]) {
    try {
      hash.update(path.relative(cwd, file)).update(fs.readFileSync(file));
    } catch {
      hash.update(`${file}:unreadable`);
    }
  }
  const digest = hash.digest('hex');
  fingerprints.set(cwd, digest);
  return digest;
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { hash?: unknown; parsed?: { meta?: unknown; problems?: unknown } };
  return typeof v.hash === 'string' && typeof v.parsed === 'object' && v.parsed !== null && Array.isArray(v.parsed.problems);
}

/** The cached entries for `key`; empty when the file is missing, unreadable, corrupt or for other code/settings. */
export function readParseCache(file: string, key: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  let data: Partial<CacheFile>;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
  } catch {
    return entries;
  }
  if (data.version !== CACHE_VERSION || data.key !== key || typeof data.entries !== 'object' || data.entries === null) {
    return entries;
  }
  for (const [name, entry] of Object.entries(data.entries)) {
    if (isEntry(entry)) entries.set(name, entry);
  }
  return entries;
}

/**
 * Drafts and scheduled articles stay out of the cache: it lives in the build output, and nothing
 * unpublished may be found there. They are few, so re-parsing them on every build costs little.
 */
export function isCacheable(record: FileRecord, now: number = Date.now()): boolean {
  const meta = record.parsed.meta;
  return !meta || (!meta.draft && Date.parse(meta.date) <= now);
}

/** Replaces the cache with `records`. A read-only or missing disk only costs speed, so failures are swallowed. */
export function writeParseCache(file: string, key: string, records: FileRecord[]): boolean {
  const data: CacheFile = { version: CACHE_VERSION, key, entries: {} };
  for (const r of records) if (isCacheable(r)) data.entries[r.file] = { hash: r.hash, parsed: r.parsed };
  // Write then rename, so a concurrent reader (parallel build workers) never sees half a file.
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(data));
    fs.renameSync(temporary, file);
    return true;
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to clean up on a disk that refuses writes.
    }
    return false;
  }
}
