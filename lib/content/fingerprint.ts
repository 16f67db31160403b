// Identifies the code that compiled a site index: the sources the index step runs — lib/content/compile.ts
// and everything it imports from the project, followed file by file — when they are on disk (builds, dev,
// tests). Without it a change to, say, the excerpt rules would keep serving stale excerpts carried over
// from the previous build's index; and code the index step never runs (how queries are planned and
// ranked, the pages) must not send a 100,000-article site through a full re-index (4 minutes).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SITE_DB_VERSION } from './site-db';

/** Where the index step starts: the worker and the in-process compile both run compile.ts. */
const ENTRY = path.join('lib', 'content', 'compile.ts');

// `import type …` / `export type … from` are left out: they are gone when the code runs, and following them
// pulled in the query code (lib/content/index.ts, through related.ts's type import).
const SPECIFIERS =
  /\b(?:import|export)\s(?!type\s)(?:[^'";]*?\sfrom\s)?\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function isFile(file: string): boolean {
  try {
    return fs.statSync(/*turbopackIgnore: true*/ file).isFile();
  } catch {
    return false;
  }
}

/** The project file an import names (`@/…` or relative), or null for packages and Node's modules. */
function resolveLocal(cwd: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(/*turbopackIgnore: true*/ cwd, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(/*turbopackIgnore: true*/ path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const suffix of ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts']) {
    if (isFile(base + suffix)) return base + suffix;
  }
  return null;
}

/**
 * The project files `entries` (relative to `cwd`) import, themselves included, followed file by file;
 * `dynamic: false` leaves out what is loaded only by `import()` when the code runs. Sorted; empty where
 * the sources are not on disk.
 */
export function localImports(cwd: string, entries: string[], { dynamic = true }: { dynamic?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const entry of entries) {
    const file = path.join(/*turbopackIgnore: true*/ cwd, entry);
    if (isFile(file) && !seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  }
  while (queue.length > 0) {
    const file = queue.pop() as string;
    let text: string;
    try {
      text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(SPECIFIERS)) {
      if (match[1] === undefined && !dynamic) continue;
      const target = resolveLocal(cwd, file, (match[1] ?? match[2]) as string);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].sort();
}

/** Every project source file the index step runs, sorted (empty where the sources are not on disk). */
export function indexSources(cwd: string = process.cwd()): string[] {
  return localImports(cwd, [ENTRY]);
}

const fingerprints = new Map<string, string>();

export function codeFingerprint(cwd: string = process.cwd()): string {
  // The sources do not change under a running process; hash them once.
  const known = fingerprints.get(cwd);
  if (known) return known;
  const hash = createHash('sha1').update(`v${SITE_DB_VERSION}`);
  for (const file of indexSources(cwd)) {
    try {
      hash.update(path.relative(cwd, file)).update(fs.readFileSync(/*turbopackIgnore: true*/ file));
    } catch {
      hash.update(`${file}:unreadable`);
    }
  }
  const digest = hash.digest('hex');
  fingerprints.set(cwd, digest);
  return digest;
}
