// `npm run build`: `next build` and the search index (scripts/build-search-index.ts) side by side, then the
// index file is put into the build folder. Everything that builds the site (npm start, npm run test:e2e,
// the benchmark, CI, Vercel's `npm run build`) goes through here.
//
// Why a separate process beside `next build` rather than inside it: Next renders pages in several
// worker processes, and a module evaluated "once per build" is evaluated once per worker, so the index
// would need a lock and would still hold up one worker for its whole duration.
// Why it starts after the compile: Turbopack's compile keeps both cores busy, and indexing beside it
// slowed it down about threefold (measured: compile 22 s alone, 65 s with the index step, even at a
// lower priority). After the compile, page data and prerendering run on one worker, which leaves a core
// for the index step; it parses the content beside the build's worker, keeping a parse cache of its
// own (see the step), at a slightly lower priority so that the build's own work comes first.
// Plain JavaScript so it runs before anything is compiled; the index step runs TypeScript through tsx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Nice value of the index step: the build first, the index with what is left. */
const INDEX_PRIORITY = 5;

/** A `next build` line saying the compile is over: the index step starts then (else when the build ends). */
export const COMPILED = /Compiled successfully|Compiled with warnings|Collecting page data/;

/**
 * Where the index step writes (under cache/, which `next build` keeps when it empties the build folder,
 * and where the next build finds it to reuse), and where the server reads it.
 * @param {string} cwd
 * @param {string} distDir
 */
export function indexPaths(cwd, distDir) {
  return {
    staged: path.join(cwd, distDir, 'cache', 'hutong', 'search-index.bin'),
    final: path.join(cwd, distDir, 'hutong', 'search-index.bin'),
  };
}

/**
 * Runs node with `args`, passing its output through line by line (rewritten by `prefix`) to `onLine`.
 * @param {string} label
 * @param {string[]} args
 * @param {{ prefix?: (line: string) => string, onLine?: (line: string) => void }} [options]
 */
function start(label, args, { prefix = (line) => line, onLine } = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = '';
    const emit = (/** @type {string} */ line) => {
      out.write(prefix(line) + '\n');
      onLine?.(line);
    };
    stream?.on('data', (chunk) => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) emit(line);
    });
    stream?.on('end', () => rest && emit(rest));
  }
  const started = performance.now();
  /** @type {Promise<{ label: string, code: number, seconds: number }>} */
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`[build] could not start ${label}: ${error.message}`);
      resolve({ label, code: 1, seconds: 0 });
    });
    child.on('close', (code, signal) =>
      resolve({ label, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - started) / 1000 }),
    );
  });
  return { child, done };
}

async function main() {
  const cwd = process.cwd();
  require('@next/env').loadEnvConfig(cwd, false);
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const paths = indexPaths(cwd, distDir);
  const nextBin = require.resolve('next/dist/bin/next');
  const tsx = require.resolve('tsx');
  const script = path.join(cwd, 'scripts', 'build-search-index.ts');

  /** @type {ReturnType<typeof start> | null} */
  let index = null;
  /** When the index step ended (performance.now()), or null. */
  let indexEnd = null;
  let indexFailed = false;
  /** @type {ReturnType<typeof start>} */
  let next;
  const startIndex = () => {
    if (index) return index;
    index = start('search index', ['--import', pathToFileURL(tsx).href, script, '--out', paths.staged], {
      prefix: (line) => (line.startsWith('[search-index]') ? line : `[search-index] ${line}`),
    });
    try {
      if (index.child.pid) os.setPriority(index.child.pid, INDEX_PRIORITY);
    } catch {
      // Not allowed here: it shares the CPU evenly instead.
    }
    void index.done.then((result) => {
      indexEnd = performance.now();
      // A failed half means a failed build: no use finishing the other.
      if (result.code !== 0) {
        indexFailed = true;
        next.child.kill('SIGTERM');
      }
    });
    return index;
  };
  next = start('next build', [nextBin, 'build', ...process.argv.slice(2)], {
    onLine: (line) => COMPILED.test(line) && startIndex(),
  });
  const stopAll = (/** @type {NodeJS.Signals} */ signal) => {
    next.child.kill(signal);
    index?.child.kill(signal);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  const built = await next.done;
  const nextEnd = performance.now();
  if (built.code !== 0) {
    if (!indexFailed) index?.child.kill('SIGTERM');
    const indexed = await index?.done;
    // When the index step failed first, it stopped next build: it is the one to name.
    const failed = indexFailed && indexed ? indexed : built;
    console.error(`[build] ${failed.label} failed (exit ${failed.code})`);
    process.exit(failed.code);
  }
  console.log(
    `[build] next build done in ${built.seconds.toFixed(1)}s${indexEnd === null ? '; waiting for the search index step' : ''}`,
  );
  // Started already unless next build never said its compile was over (a changed message, say).
  const indexed = await startIndex().done;
  if (indexed.code !== 0) {
    console.error(`[build] search index failed (exit ${indexed.code})`);
    process.exit(indexed.code);
  }
  // Only now: `next build` empties the build folder when it starts, which could remove an earlier copy.
  fs.mkdirSync(path.dirname(paths.final), { recursive: true });
  fs.copyFileSync(paths.staged, paths.final);
  const after = Math.max(0, ((indexEnd ?? performance.now()) - nextEnd) / 1000);
  console.log(
    `[build] search index in ${path.relative(cwd, paths.final)} (the step took ${indexed.seconds.toFixed(1)}s, and ended ${after.toFixed(1)}s after next build)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[build]', error);
    process.exit(1);
  });
}
