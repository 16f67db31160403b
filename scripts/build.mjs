// `npm run build`: `next build` and the search index (scripts/build-search-index.ts) side by side, then the
// index file is put into the build folder. Everything that builds the site (npm start, npm run test:e2e,
// the benchmark, CI, Vercel's `npm run build`) goes through here.
//
// Why a separate process beside `next build` rather than inside it: Next renders pages in several
// worker processes, and a module evaluated "once per build" is evaluated once per worker, so the index
// would need a lock and would still hold up one worker for its whole duration. As a process of its own
// it starts at once, shares the content index's parse cache with the build (whichever parses first, the
// other reads), and runs at a lower priority so that it soaks up the CPU the build leaves idle
// (page data and prerendering run on one worker) instead of slowing the build down.
// Plain JavaScript so it runs before anything is compiled; the index step runs TypeScript through tsx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Nice value of the index process: below the build, above nothing else in particular. */
const INDEX_PRIORITY = 10;

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
 * @param {string} label
 * @param {string[]} args
 * @param {(line: string) => string} [prefix]
 */
function start(label, args, prefix) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'], env: process.env });
  if (prefix) {
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk) => {
        const lines = (rest + String(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(prefix(line) + '\n');
      });
      stream?.on('end', () => rest && process.stdout.write(prefix(rest) + '\n'));
    }
  }
  const started = performance.now();
  /** @type {Promise<{ label: string, code: number, seconds: number }>} */
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`[build] could not start ${label}: ${error.message}`);
      resolve({ label, code: 1, seconds: 0 });
    });
    child.on('exit', (code, signal) => resolve({ label, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - started) / 1000 }));
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

  const next = start('next build', [nextBin, 'build', ...process.argv.slice(2)]);
  const index = start('search index', ['--import', pathToFileURL(tsx).href, script, '--out', paths.staged], (line) =>
    line.startsWith('[search-index]') ? line : `[search-index] ${line}`,
  );
  try {
    if (index.child.pid) os.setPriority(index.child.pid, INDEX_PRIORITY);
  } catch {
    // Not allowed to lower it (some containers): it then simply shares the CPU evenly.
  }
  const stopAll = (/** @type {NodeJS.Signals} */ signal) => {
    next.child.kill(signal);
    index.child.kill(signal);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  void next.done.then((result) => {
    if (result.code === 0) console.log(`[build] next build done in ${result.seconds.toFixed(1)}s${indexDone ? '' : '; waiting for the search index step'}`);
  });
  let indexDone = false;
  void index.done.then(() => (indexDone = true));
  // Whichever fails first stops the other: a failed half means a failed build.
  const first = await Promise.race([next.done, index.done]);
  if (first.code !== 0) stopAll('SIGTERM');
  const [built, indexed] = await Promise.all([next.done, index.done]);
  for (const result of [built, indexed]) {
    if (result.code !== 0) {
      console.error(`[build] ${result.label} failed (exit ${result.code})`);
      process.exit(result.code);
    }
  }
  // Only now: `next build` empties the build folder when it starts, which could remove an earlier copy.
  fs.mkdirSync(path.dirname(paths.final), { recursive: true });
  fs.copyFileSync(paths.staged, paths.final);
  const after = Math.max(0, indexed.seconds - built.seconds);
  console.log(`[build] search index in ${path.relative(cwd, paths.final)}; the index step took ${indexed.seconds.toFixed(1)}s, ${after.toFixed(1)}s past next build`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[build]', error);
    process.exit(1);
  });
}
