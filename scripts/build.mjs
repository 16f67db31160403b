// `npm run build`: the index step (scripts/build-index.ts) compiles the content folder into the site index
// file, then `next build` builds the pages, which read it (and trace it into packaged functions).
// Everything that builds the site (npm start, npm run test:e2e, the benchmark, CI, Vercel's `npm run
// build`) goes through here. Why in that order: the pages need the index, and the index step uses both
// cores on its own (worker threads) while Turbopack's compile would compete with it.
// Plain JavaScript so it runs before anything is compiled; the index step runs TypeScript through tsx.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

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
  const nextBin = require.resolve('next/dist/bin/next');
  const tsx = require.resolve('tsx');
  const script = path.join(cwd, 'scripts', 'build-index.ts');

  /** @type {ReturnType<typeof start> | null} */
  let running = null;
  const stop = (/** @type {NodeJS.Signals} */ signal) => running?.child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // One V8 helper thread, not four: the index step keeps every core busy with its own threads (a worker
  // per core and the writing thread), and helpers scavenging in parallel beside them only took turns
  // with them (100,000 articles: 462 → 402 s of CPU, 305 → 259 s).
  running = start('index', ['--v8-pool-size=1', '--import', pathToFileURL(tsx).href, script], {
    prefix: (line) => (line.startsWith('[index]') ? line : `[index] ${line}`),
  });
  const indexed = await running.done;
  if (indexed.code !== 0) {
    console.error(`[build] the index step failed (exit ${indexed.code})`);
    process.exit(indexed.code);
  }
  running = start('next build', [nextBin, 'build', ...process.argv.slice(2)]);
  const built = await running.done;
  if (built.code !== 0) {
    console.error(`[build] next build failed (exit ${built.code})`);
    process.exit(built.code);
  }
  console.log(`[build] index step ${indexed.seconds.toFixed(1)}s, next build ${built.seconds.toFixed(1)}s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[build]', error);
    process.exit(1);
  });
}
