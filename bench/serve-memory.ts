// Issue 13's server figures: how long a server takes to answer after it is started, and its memory
// (resident set of its process tree) after start and after serving many distinct old articles, which
// must stay flat as the archive grows (the indexes are read from disk, never loaded whole).
import Database from 'better-sqlite3';
import { siteIndexFile } from '@/lib/content/index-path.mjs';
import { articlePath } from '@/lib/content/paths';
import { rememberRequested, requestedBefore } from './corpus';
import { httpGet } from './http';
import { sampleTree } from './process-tree';
import { percentile } from './stats';
import type { BenchRow } from './report';
import type { RunningServer } from './servers';

const MiB = 1024 * 1024;

export type ServerMemory = {
  startMiB: number;
  afterMiB: number;
  served: number;
  failed: number;
  seconds: number;
};

export type RenderTimes = {
  readyMs: number;
  startMiB: number;
  /** Milliseconds per render, sorted. */
  renderMs: number[];
  failed: number;
};

/** The `count` oldest published articles no earlier run has requested from this build. */
export function oldArticlePaths(root: string, distDir: string, count: number): string[] {
  const db = new Database(`${root}/${siteIndexFile(distDir)}`, { readonly: true, fileMustExist: true });
  try {
    const seen = requestedBefore(distDir);
    const rows = db
      .prepare('SELECT slug FROM articles WHERE date_ms <= ? ORDER BY date_ms, slug LIMIT ?')
      .pluck()
      .all(Date.now(), count + seen.size) as string[];
    return rows.filter((slug) => !seen.has(slug)).slice(0, count);
  } finally {
    db.close();
  }
}

/**
 * Asks for `count` distinct old articles one at a time, none requested before: each is the first request of
 * its article (nothing cached for it) on a server that has already rendered others — what a reader
 * following a link into the archive waits for.
 */
export async function measureRenders(
  server: RunningServer,
  root: string,
  distDir: string,
  count = 50,
): Promise<RenderTimes> {
  const startMiB = sampleTree(server.pid).bytes / MiB;
  const slugs = oldArticlePaths(root, distDir, count);
  const renderMs: number[] = [];
  let failed = 0;
  for (const slug of slugs) {
    const res = await httpGet(server.baseUrl + articlePath(slug));
    if (res.status !== 200) failed += 1;
    else renderMs.push(res.ms);
  }
  rememberRequested(distDir, slugs);
  return { readyMs: server.readyMs, startMiB, renderMs: renderMs.sort((a, b) => a - b), failed };
}

/** Requests `count` distinct old articles, four at a time, and samples the server's memory before and after. */
export async function measureServerMemory(
  server: RunningServer,
  root: string,
  distDir: string,
  count = 1000,
): Promise<ServerMemory> {
  const startMiB = sampleTree(server.pid).bytes / MiB;
  const slugs = oldArticlePaths(root, distDir, count);
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < slugs.length) {
      const slug = slugs[next++]!;
      const res = await httpGet(server.baseUrl + articlePath(slug));
      if (res.status !== 200) failed += 1;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  rememberRequested(distDir, slugs);
  return {
    startMiB,
    afterMiB: sampleTree(server.pid).bytes / MiB,
    served: slugs.length,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Issue 13's targets for a server at any archive size. */
export const SERVER_TARGETS = { rssMiB: 400, readyMs: 1000, renderMs: 150 };

/** `next start`: how soon it answers, its memory at start, and how long an uncached old article takes. */
export function renderRows(group: string, r: RenderTimes): BenchRow[] {
  return [
    {
      group,
      metric: 'start → first answer',
      value: r.readyMs,
      unit: 'ms',
      target: { op: '<', limit: SERVER_TARGETS.readyMs },
      note: 'next start, from spawning the process to its first answer (polled every 100 ms or so)',
    },
    {
      group,
      metric: 'next start: RSS after start',
      value: r.startMiB,
      unit: 'MiB',
      target: { op: '<', limit: SERVER_TARGETS.rssMiB },
      note: 'resident set of the server process tree',
    },
    {
      group,
      metric: 'uncached old article, render p95',
      value: r.renderMs.length > 0 ? percentile(r.renderMs, 95) : null,
      unit: 'ms',
      target: { op: '<', limit: SERVER_TARGETS.renderMs },
      note:
        r.renderMs.length > 0
          ? `${r.renderMs.length} distinct old articles, one at a time, each its first request: p50 ${percentile(r.renderMs, 50).toFixed(0)} ms, max ${(r.renderMs.at(-1) as number).toFixed(0)} ms${r.failed ? `; ${r.failed} failed` : ''}`
          : 'no render succeeded',
    },
  ];
}

/**
 * `npm start`, what the README's two commands run (heap capped in package.json): its memory after start
 * and after rendering many distinct old articles. (Plain `next start` runs with V8's default heap limit,
 * a quarter of the machine's memory up to 4 GiB, and lets garbage pile up while there is room: README.)
 */
export function memoryRows(group: string, m: ServerMemory): BenchRow[] {
  return [
    {
      group,
      metric: 'npm start: RSS after start',
      value: m.startMiB,
      unit: 'MiB',
      target: { op: '<', limit: SERVER_TARGETS.rssMiB },
      note: 'resident set of the server process tree',
    },
    {
      group,
      metric: `npm start: RSS after ${m.served.toLocaleString('en-US')} old articles`,
      value: m.afterMiB,
      unit: 'MiB',
      target: { op: '<', limit: SERVER_TARGETS.rssMiB },
      note: `distinct, never requested before, 4 at a time: ${m.seconds.toFixed(1)} s, ${((m.seconds / Math.max(1, m.served)) * 1000 * 4).toFixed(0)} ms a render${m.failed ? `; ${m.failed} failed` : ''}`,
    },
  ];
}
