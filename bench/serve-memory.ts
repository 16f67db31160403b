// Issue 13's server figures: how long a server takes to answer after it is started, and its memory
// (resident set of its process tree) after start and after serving many distinct old articles, which
// must stay flat as the archive grows (the indexes are read from disk, never loaded whole).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { siteIndexFile } from '@/lib/content/index-path.mjs';
import { articlePath } from '@/lib/content/paths';
import { rememberRequested, requestedBefore } from './corpus';
import { httpGet } from './http';
import { sampleTree } from './process-tree';
import { percentile } from './stats';
import type { BenchRow } from './report';
import { startNextServer, type RunningServer, type StageContext } from './servers';

const MiB = 1024 * 1024;
/** Distinct old articles for the memory figure. */
const SERVED_OLD = 1000;
/** Distinct old articles timed one at a time (the render figure). */
const TIMED_RENDERS = 50;
/**
 * Fresh servers timed from spawn to first answer, for each way of starting: one spawn varies by ±150 ms
 * on this 2-core machine (and more when something else wakes: 0.87 and 1.2 s a minute apart, same build,
 * same command), so the figure is the median of five (three let one slow spell decide it).
 */
const TIMED_STARTS = 5;

/** Spawns of a bare Node (`node -e ""`) timed beside the servers', for the calibration figure. */
const NODE_SPAWNS = 5;

export type ServerMemory = {
  /** From spawning `npm start` to its first answer, an old article never requested (ms): each spawn timed. */
  readyMs: number[];
  /** Node itself, spawn → exit, median of a few spawns timed just before these servers' (ms): the machine's pace. */
  nodeMs?: number;
  startMiB: number;
  afterMiB: number;
  served: number;
  failed: number;
  seconds: number;
};

export type RenderTimes = {
  /** From spawning `next start` to its first answer, an old article never requested (ms): each spawn timed. */
  readyMs: number[];
  /** As in ServerMemory. */
  nodeMs?: number;
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
 * Asks for `count` old articles no earlier run requested from this build (so each is its article's first
 * request: nothing cached for it), `concurrency` at a time; remembers them so no later run counts them again.
 */
async function requestOldArticles(
  server: RunningServer,
  root: string,
  distDir: string,
  count: number,
  concurrency: number,
): Promise<{ served: number; failed: number; ms: number[]; seconds: number }> {
  const slugs = oldArticlePaths(root, distDir, count);
  const started = performance.now();
  const ms: number[] = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < slugs.length) {
      const res = await httpGet(server.baseUrl + articlePath(slugs[next++]!));
      if (res.status !== 200) failed += 1;
      else ms.push(res.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  rememberRequested(distDir, slugs);
  return { served: slugs.length, failed, ms, seconds: (performance.now() - started) / 1000 };
}

/**
 * Times `count` distinct old articles asked one at a time on a server that has already rendered others:
 * what a reader following a link into the archive waits for.
 */
export async function measureRenders(
  server: RunningServer,
  root: string,
  distDir: string,
  count = 50,
): Promise<RenderTimes> {
  const startMiB = sampleTree(server.pid).bytes / MiB;
  const { ms, failed } = await requestOldArticles(server, root, distDir, count, 1);
  return { readyMs: [server.readyMs], startMiB, renderMs: ms.sort((a, b) => a - b), failed };
}

/** Requests `count` distinct old articles, four at a time, and samples the server's memory before and after. */
export async function measureServerMemory(
  server: RunningServer,
  root: string,
  distDir: string,
  count = 1000,
): Promise<ServerMemory> {
  const startMiB = sampleTree(server.pid).bytes / MiB;
  const { served, failed, seconds } = await requestOldArticles(server, root, distDir, count, 4);
  return {
    readyMs: [server.readyMs],
    startMiB,
    afterMiB: sampleTree(server.pid).bytes / MiB,
    served,
    failed,
    seconds,
  };
}

/**
 * Old articles no one has asked for, set aside for timing starts (remembered as requested now, so the
 * memory run, which asks for every old article left on a small corpus, leaves them alone).
 */
function setAside(stage: StageContext, count: number): string[] {
  const slugs = oldArticlePaths(stage.root, stage.distDir, count);
  rememberRequested(stage.distDir, slugs);
  return slugs;
}

/** Starts a server per slug, the same way, each timed from spawn to its first answer (that article), then stopped. */
async function timeStarts(
  stage: StageContext,
  via: 'next-start' | 'npm-start',
  env: NodeJS.ProcessEnv,
  slugs: string[],
): Promise<number[]> {
  const times: number[] = [];
  for (const [i, slug] of slugs.entries()) {
    const server = await startNextServer({
      cwd: stage.root,
      env,
      logFile: stage.logFile(`start-${via}-${stage.size}-${i + 2}`),
      via,
      readyPath: articlePath(slug),
    });
    times.push(server.readyMs);
    await server.stop();
  }
  return times;
}

/**
 * How long a bare Node takes from spawn to exit right now (median of NODE_SPAWNS, ms). This machine's pace
 * drifts by a fifth or more over minutes (it shares its host: ~90–100 ms at quiet times, 110–125 ms in
 * slow spells); printed beside the start figures, it tells a slower server from a slower moment.
 */
export function nodeSpawnMs(spawns = NODE_SPAWNS): number {
  const times: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node -e "" exited with ${run.status ?? run.signal}`);
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/** The median of the spawns' times, and the note that lists them (with Node's own pace at the time). */
function startFigure(times: number[], nodeMs?: number): { value: number | null; note: string } {
  const sorted = [...times].sort((a, b) => a - b);
  const listed = times.map((t) => t.toFixed(0)).join(', ');
  const pace = nodeMs === undefined ? '' : `; a bare \`node -e ""\` took ${nodeMs.toFixed(0)} ms then`;
  return {
    value: sorted.length > 0 ? percentile(sorted, 50) : null,
    note: `median of ${times.length} spawn${times.length === 1 ? '' : 's'} (${listed} ms)${pace}`,
  };
}

/** Issue 13's targets for a server at any archive size. */
export const SERVER_TARGETS = { rssMiB: 400, readyMs: 1000, renderMs: 150 };

/** `next start`: how soon it answers, its memory at start, and how long an uncached old article takes. */
export function renderRows(group: string, r: RenderTimes): BenchRow[] {
  const start = startFigure(r.readyMs, r.nodeMs);
  return [
    {
      group,
      metric: 'start → first answer',
      value: start.value,
      unit: 'ms',
      target: { op: '<', limit: SERVER_TARGETS.readyMs },
      note: `next start, from spawning the process to its first answer, an old article never requested (polled every 25 ms): ${start.note}`,
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
  const start = startFigure(m.readyMs, m.nodeMs);
  return [
    {
      group,
      metric: 'npm start: start → first answer',
      value: start.value,
      unit: 'ms',
      target: { op: '<', limit: SERVER_TARGETS.readyMs },
      note: `the README's command (an existing data folder: checked, not migrated), to an old article never requested: ${start.note}`,
    },
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

/**
 * The server rows of the serve stage: uncached old articles timed on the running `next start`, then
 * the memory of `npm start` (what the README's two commands run, with package.json's flags) started on
 * the same build with a data folder of its own (one process per PGlite folder).
 */
export async function measureServers(stage: StageContext, group: string, server: RunningServer): Promise<BenchRow[]> {
  const renders = await measureRenders(server, stage.root, stage.distDir, TIMED_RENDERS);
  const forStarts = setAside(stage, (TIMED_STARTS - 1) * 2);
  renders.nodeMs = nodeSpawnMs();
  renders.readyMs.push(...(await timeStarts(stage, 'next-start', stage.env, forStarts.slice(0, TIMED_STARTS - 1))));
  const rows = renderRows(group, renders);
  stage.log(`requesting ${SERVED_OLD.toLocaleString('en-US')} distinct old articles from npm start for its memory`);
  const dataDir = path.relative(stage.root, path.join(stage.benchDir, `data-npm-start-${stage.size}`));
  // Started once before, so its data folder exists as on any restart (the first start creates and
  // migrates it before serving): then timed to an old article nothing has asked for.
  const first = await startNextServer({
    cwd: stage.root,
    env: { ...stage.env, DATA_DIR: dataDir },
    logFile: stage.logFile(`serve-npm-start-${stage.size}-first`),
    via: 'npm-start',
  });
  await first.stop();
  const [firstSlug] = oldArticlePaths(stage.root, stage.distDir, 1);
  const site = await startNextServer({
    cwd: stage.root,
    env: { ...stage.env, DATA_DIR: dataDir },
    logFile: stage.logFile(`serve-npm-start-${stage.size}`),
    via: 'npm-start',
    ...(firstSlug === undefined ? {} : { readyPath: articlePath(firstSlug) }),
  });
  if (firstSlug !== undefined) rememberRequested(stage.distDir, [firstSlug]);
  let memory: ServerMemory;
  try {
    memory = await measureServerMemory(site, stage.root, stage.distDir, SERVED_OLD);
  } finally {
    await site.stop();
  }
  const env = { ...stage.env, DATA_DIR: dataDir };
  memory.nodeMs = nodeSpawnMs();
  memory.readyMs.push(...(await timeStarts(stage, 'npm-start', env, forStarts.slice(TIMED_STARTS - 1))));
  rows.push(...memoryRows(group, memory));
  return rows;
}
