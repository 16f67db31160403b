// The build's index step (run by `npm run build` through scripts/build.mjs, before `next build`): compiles
// the content folder into the site index file (lib/content/site-db.ts) that the build's pages and every
// server read. Files unchanged since the previous build are carried over from its index file; the rest are
// parsed, rendered and tokenized on worker threads, one per core.
// CLI: npx tsx scripts/build-index.ts [--out FILE] [--workers N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError, getConfig } from '@/lib/config';
import { compileSiteIndexWith, type CompileStats } from '@/lib/content/compile';
import { takeFileLock } from '@/lib/content/file-lock';
import { INDEX_PARSED_MESSAGE } from '@/lib/content/index-path.mjs';
import { prepareFile, type PrepareAsync } from '@/lib/content/prepare';
import { siteDbPath } from '@/lib/content/site-db';

type Prepared = ReturnType<typeof prepareFile>;

/** Files a worker takes at a time: small enough to share the work evenly, large enough to keep messages few. */
const BATCH = 64;

/**
 * Batches each worker holds at once. The writing thread takes ~0.6–0.9 s over each window of 1,024 files
 * (compile.ts, WRITE_WINDOW) and hands out no batch meanwhile; a batch is ~0.2 s of a worker's time, so
 * with two held a worker finished the second and waited through most of every window (20,000 articles:
 * 1.71 cores busy of 2; with eight, 1.8 and 9–13% less wall time).
 */
const AHEAD = 8;

/** Runs prepareFile over `files` on `count` worker threads (in this thread when there is little to do). */
export function workerPrepare(count: number): PrepareAsync {
  return async (root, files, timeZone, onBatch) => {
    if (count <= 1 || files.length < BATCH * 2) {
      onBatch(files.map((file) => prepareFile(root, file, timeZone)));
      return;
    }
    let next = 0;
    const threads = Array.from({ length: Math.min(count, Math.ceil(files.length / BATCH)) }, () => {
      const thread = new Worker(new URL('./build-index-worker.mjs', import.meta.url), {
        workerData: { root, timeZone },
      });
      let inFlight = 0;
      /** Sends the thread the next batch, if any is left (a message waits in its queue until it is up). */
      const feed = () => {
        if (next >= files.length) return;
        thread.postMessage(files.slice(next, next + BATCH));
        next += BATCH;
        inFlight += 1;
      };
      const done = new Promise<void>((resolve, reject) => {
        thread.on('message', (batch: Prepared[]) => {
          inFlight -= 1;
          // The worker gets its next batch first, then this thread writes the one it sent.
          feed();
          try {
            onBatch(batch);
          } catch (error) {
            void thread.terminate();
            reject(error);
            return;
          }
          if (inFlight === 0) void thread.terminate().then(() => resolve());
        });
        thread.on('error', reject);
      });
      return { feed, done };
    });
    // Dealt in turns, so a folder of a few batches is shared by every thread rather than held by the first
    // (there are no more threads than batches: each gets one at least).
    for (let round = 0; round < AHEAD; round++) for (const t of threads) t.feed();
    await Promise.all(threads.map((t) => t.done));
  };
}

export type BuildIndexOptions = {
  out: string;
  contentDir: string;
  timeZone: string;
  workers: number;
  log?: (m: string) => void;
  /** Every file is parsed; what is left runs on one thread (CompileOptions.onParsed). */
  onParsed?: () => void;
};

export async function buildSiteIndex(opts: BuildIndexOptions): Promise<CompileStats> {
  const log = opts.log ?? ((m: string) => console.log(`[index] ${m}`));
  const compiled = await compileSiteIndexWith(
    { dir: opts.contentDir, timeZone: opts.timeZone, dbFile: opts.out, onParsed: opts.onParsed },
    workerPrepare(opts.workers),
  );
  const s = compiled.stats;
  log(
    `${s.articles} articles (${s.parsed} files parsed, ${s.reused} unchanged from the previous build; ` +
      `${s.drafts} drafts kept out) → ${path.relative(process.cwd(), opts.out)} in ${(s.ms / 1000).toFixed(1)} s`,
  );
  if (s.parsed > 0) log(`steps: ${s.phases.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  return s;
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, workers: { type: 'string' } },
  });
  let config;
  try {
    config = getConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const workers = Math.max(1, Number(values.workers) || os.availableParallelism());
  const out = values.out ?? siteDbPath();
  // What earlier versions kept beside it (a JSON parse cache, a search index file, a drafts list that
  // must not outlive them in a build folder that ships).
  // Before the index moved beside the build folder it lived in <build folder>/cache/hutong/ (with the
  // drafts of its day): nothing of it may stay in a build folder. (npm start's record of the last
  // publication it handled lives there too; a new build starts it afresh.)
  fs.rmSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'cache', 'hutong'), { recursive: true, force: true });
  for (const old of ['content-index.json', 'search-index.bin', 'site.drafts.json'])
    fs.rmSync(path.join(path.dirname(out), old), { force: true });
  // Held until the file is in place: `next build`'s pages, started before then (build.mjs), wait for it,
  // and so does anything else that would compile this file (lib/content/index.ts takes the same lock).
  const lock = takeFileLock(`${out}.lock`, { timeoutMs: 60 * 60_000 });
  try {
    await buildSiteIndex({
      out,
      contentDir: path.resolve(config.contentDir),
      timeZone: config.timeZone,
      workers,
      // Without the lock (a disk that refuses lock files, a holder that never let go) `next build` waits
      // for this step to end instead, as it did before the two overlapped.
      onParsed: lock ? () => process.send?.(INDEX_PARSED_MESSAGE) : undefined,
    });
  } finally {
    lock?.release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[index] failed:', error);
    process.exit(1);
  });
}
