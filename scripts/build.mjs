// `npm run build`: the index step (scripts/build-index.ts) compiles the content folder into the site index
// file, then `next build` builds the pages, which read it (and trace it into packaged functions).
// Everything that builds the site (npm start, npm run test:e2e, the benchmark, CI, Vercel's `npm run
// build`) goes through here. Why in that order: the pages need the index, and the index step uses both
// cores on its own (worker threads) while Turbopack's compile would compete with it; once its work is on
// one thread, `next build` starts beside it and its pages wait for the finished file.
// Plain JavaScript so it runs before anything is compiled; the index step's TypeScript is bundled by
// esbuild first (bundleIndexStep).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NATIVE_PACKAGES } from '../lib/config/native-packages.mjs';
import { INDEX_PARSED_MESSAGE, INDEX_STEP_LOCK_ENV, siteIndexFile } from '../lib/content/index-path.mjs';
import { BUNDLES, bundleFile, writeBundle } from '../server/bundle.cjs';
import { codeCacheDir } from '../server/code-cache.mjs';
import { entriesUnder, npmStartNodeFlags, removeAddedSince } from './warm-code-cache.mjs';

const require = createRequire(import.meta.url);

/**
 * Runs node with `args`, passing its output through line by line (rewritten by `prefix`) to `onLine`.
 * @param {string} label
 * @param {string[]} args
 * @param {{ prefix?: (line: string) => string, onLine?: (line: string) => void, onMessage?: (message: unknown) => void, env?: NodeJS.ProcessEnv }} [options]
 */
export function start(label, args, { prefix = (line) => line, onLine, onMessage, env = process.env } = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe', ...(onMessage ? /** @type {const} */ (['ipc']) : [])],
    env,
  });
  if (onMessage) child.on('message', onMessage);
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
  return { child, done, startedAt: started };
}

/** An import of one of NATIVE_PACKAGES or a file in it (`@node-rs/jieba/dict`). */
const NATIVE = new RegExp(
  `^(${NATIVE_PACKAGES.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$)`,
);

/**
 * Bundles the index step (scripts/build-index.ts and its worker, build-index-worker.ts) into one ES module
 * each, in a new temporary folder, and returns that folder. Run through tsx, the step's TypeScript and the
 * ES-module packages it imports (unified, micromark…) are turned into CommonJS as they load, every call
 * from one module into another going through a getter (3.5% of a profile in micromark-util-character's
 * alone). 20,000 articles, three runs each, the tables compared row by row: CPU 110 → 95 s, wall time
 * 63 → 55 s, peak memory 1,013 → 849 MB. The worker keeps its name beside the step, so
 * `new URL('./build-index-worker.mjs', import.meta.url)` finds the bundled worker here as it finds the tsx
 * one in scripts/.
 * @param {string} cwd
 */
export async function bundleIndexStep(cwd) {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-index-'));
  try {
    await esbuild.build({
      absWorkingDir: cwd,
      entryPoints: {
        'build-index': path.join(cwd, 'scripts', 'build-index.ts'),
        'build-index-worker': path.join(cwd, 'scripts', 'build-index-worker.ts'),
      },
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      logLevel: 'warning',
      // Packages written as CommonJS call require(); an ES module has none of its own.
      banner: {
        js: "import { createRequire as hutongRequire } from 'node:module'; const require = hutongRequire(import.meta.url);",
      },
      plugins: [
        {
          name: 'native-packages',
          setup(build) {
            // By absolute path: the bundle lives outside the project, where no node_modules is found.
            build.onResolve({ filter: NATIVE }, (args) => ({
              path: require.resolve(args.path, { paths: [cwd] }),
              external: true,
            }));
          },
        },
      ],
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

async function main() {
  const cwd = process.cwd();
  require('@next/env').loadEnvConfig(cwd, false);
  const nextBin = require.resolve('next/dist/bin/next');

  /** @type {Set<ReturnType<typeof start>>} */
  const running = new Set();
  const stop = (/** @type {NodeJS.Signals} */ signal) => {
    for (const step of running) step.child.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  /** @param {ReturnType<typeof start>} step */
  const track = (step) => {
    running.add(step);
    void step.done.then(() => running.delete(step));
    return step;
  };

  let bundle;
  try {
    bundle = await bundleIndexStep(cwd);
  } catch (error) {
    console.error(
      `[build] could not bundle the index step (scripts/build-index.ts): ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
  // `next build` starts once the index step has parsed every file (its message: index-path.mjs): what the
  // step does after that (indexes, listings, the full-text merge) runs on one thread, and `next build`
  // compiles on the other core meanwhile (100,000 articles: ~35 s of it). Its pages wait for the index
  // file to be in place (the step holds the file's lock until then: built-index.ts).
  /** @type {ReturnType<typeof start> | null} */
  let nextBuild = null;
  const startNextBuild = () => {
    nextBuild ??= track(
      start('next build', [nextBin, 'build', ...process.argv.slice(2)], {
        env: { ...process.env, [INDEX_STEP_LOCK_ENV]: path.join(cwd, `${siteIndexFile()}.lock`) },
      }),
    );
  };
  // One V8 helper thread, not four: the index step keeps every core busy with its own threads (a worker
  // per core and the writing thread), and helpers scavenging in parallel beside them only took turns
  // with them (100,000 articles: 462 → 402 s of CPU, 305 → 259 s).
  const index = track(
    start('index', ['--v8-pool-size=1', '--enable-source-maps', path.join(bundle, 'build-index.mjs')], {
      prefix: (line) => (line.startsWith('[index]') ? line : `[index] ${line}`),
      onMessage: (message) => {
        if (message === INDEX_PARSED_MESSAGE) startNextBuild();
      },
    }),
  );
  const indexed = await index.done;
  fs.rmSync(bundle, { recursive: true, force: true });
  if (indexed.code !== 0) {
    // Pages are never built without their index.
    nextBuild?.child.kill('SIGTERM');
    await nextBuild?.done;
    console.error(`[build] the index step failed (exit ${indexed.code})`);
    process.exit(indexed.code);
  }
  const overlap = nextBuild ? nextBuild.startedAt - index.startedAt : null;
  startNextBuild();
  const built = await /** @type {ReturnType<typeof start>} */ (nextBuild).done;
  if (built.code !== 0) {
    console.error(`[build] next build failed (exit ${built.code})`);
    process.exit(built.code);
  }
  const bundled = await bundleServer(cwd);
  const warmed = await warmCodeCache(cwd, track);
  // With the time `next build` ran beside the index step (it started `overlap` ms into the step).
  const beside = overlap === null ? 0 : Math.max(0, indexed.seconds - overlap / 1000);
  console.log(
    `[build] index step ${indexed.seconds.toFixed(1)}s, next build ${built.seconds.toFixed(1)}s` +
      (beside >= 0.1 ? ` (${beside.toFixed(1)}s of it beside the index step)` : '') +
      (bundled === null ? '' : `, server bundles ${Math.round(bundled * 1000)} ms`) +
      (warmed === null ? '' : `, code cache ${warmed.toFixed(1)}s`),
  );
}

/**
 * Bundles `npm start`'s server code (server/bundle.cjs), which start.cjs runs while it matches the sources,
 * and its search thread for result pages (lib/search/answer-worker.ts), into the build folder. An
 * optimisation only: if it fails, the build still succeeds, `npm start` runs the server from its sources
 * and asks Next for search results. Returns the seconds taken, or null when nothing was written.
 * @param {string} cwd
 * @returns {Promise<number | null>}
 */
async function bundleServer(cwd) {
  const started = performance.now();
  /** @type {Record<string, string>} what runs without each bundle */
  const without = {
    'server.cjs': '`npm start` runs the server from its sources',
    'search-answer.cjs': '`npm start` asks Next for the results of every search',
  };
  let wrote = 0;
  for (const [name, entry] of Object.entries(BUNDLES)) {
    const file = bundleFile(cwd, process.env.NEXT_DIST_DIR || '.next', /** @type {keyof BUNDLES} */ (name));
    fs.rmSync(file, { force: true });
    try {
      const written = await writeBundle(file, undefined, entry);
      if (written === null) {
        console.log(`[build] esbuild is not installed: ${without[name]}`);
        return null;
      }
      wrote++;
    } catch (error) {
      console.log(
        `[build] ${entry} was not bundled (${error instanceof Error ? error.message : error}); ${without[name]}`,
      );
    }
  }
  return wrote > 0 ? (performance.now() - started) / 1000 : null;
}

/**
 * Fills the build folder's V8 code cache (server/code-cache.mjs), once for `npm start`'s Node flags and once
 * for a plain `next start`'s. An optimisation only: if it fails, the build still succeeds and servers
 * compile their code as they load it. Not for a standalone build or on Vercel (their servers run from a
 * packaged copy without it) or with HUTONG_CODE_CACHE=0. Returns the seconds taken, or null when skipped.
 * @param {string} cwd
 * @param {(running: ReturnType<typeof start>) => void} track
 * @returns {Promise<number | null>}
 */
async function warmCodeCache(cwd, track) {
  if (process.env.NEXT_OUTPUT === 'standalone' || process.env.VERCEL || process.env.HUTONG_CODE_CACHE === '0')
    return null;
  const started = performance.now();
  fs.rmSync(codeCacheDir(cwd), { recursive: true, force: true });
  // What the warm-up's pages write there (Next's page cache) is removed once its servers have exited.
  const serverDir = path.join(cwd, process.env.NEXT_DIST_DIR || '.next', 'server');
  const before = entriesUnder(serverDir);
  const script = path.join(cwd, 'scripts', 'warm-code-cache.mjs');
  const flagSets = [npmStartNodeFlags(cwd), []].filter(
    (flags, i, all) => all.findIndex((other) => other.join(' ') === flags.join(' ')) === i,
  );
  for (const flags of flagSets) {
    const running = start('code cache', [...flags, script], { prefix: (line) => `[build] ${line}` });
    track(running);
    const { code } = await running.done;
    if (code !== 0) {
      removeAddedSince(serverDir, before);
      console.log(`[build] the code cache was not written (exit ${code}); servers compile their code as they load it`);
      return null;
    }
  }
  removeAddedSince(serverDir, before);
  return (performance.now() - started) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[build]', error);
    process.exit(1);
  });
}
