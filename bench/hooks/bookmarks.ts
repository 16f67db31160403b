// Bench hook for issue 3: bookmark toggle latency (p50/p95) on embedded PGlite and, when configured, PostgreSQL.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { benchBookmarks, type BenchBookmarksResult } from '../bookmarks-load';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

const MIGRATE_SCRIPT = path.join('scripts', 'migrate.ts');
const P95_TARGET_MS = 50;

/** `next start` applies no migrations itself (`npm start` does), so the bench applies them first. */
export async function migrate(ctx: BenchContext, env: Record<string, string>): Promise<void> {
  const script = path.join(ctx.root, MIGRATE_SCRIPT);
  const tsx = path.join(ctx.root, 'node_modules', '.bin', 'tsx');
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(tsx, [script], {
      cwd: ctx.root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(String(d)));
    child.stderr.on('data', (d: Buffer) => output.push(String(d)));
    child.once('error', reject);
    child.once('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`${MIGRATE_SCRIPT} failed (${code}): ${output.join('').trim()}`);
  ctx.log(output.join('').trim());
}

export type Database = { label: string; env: Record<string, string> };

/** A fresh PGlite folder (named after `name`), and PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export function databases(ctx: BenchContext, name = 'bookmarks'): { list: Database[]; postgresMissing: boolean } {
  const dataDir = path.join(ctx.benchDir, `data-${name}-${ctx.size}`);
  // A fresh folder each run: earlier runs' users and bookmarks would make runs incomparable.
  fs.rmSync(dataDir, { recursive: true, force: true });
  const list: Database[] = [{ label: 'PGlite', env: { DATA_DIR: dataDir, DATABASE_URL: '' } }];
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) list.push({ label: 'PostgreSQL', env: { DATABASE_URL: url } });
  return { list, postgresMissing: !url };
}

function rowsFor(group: string, r: BenchBookmarksResult): BenchRow[] {
  const failed = (n: number) => (n > 0 ? `; ${n} FAILED requests` : '');
  const open = r.openLoop;
  const closed = r.closedLoop;
  return [
    {
      group,
      metric: 'toggle p50',
      value: open.p50,
      unit: 'ms',
      note: `open loop: ${r.readers} readers, one toggle per ${open.toggleIntervalSec} s each on average (${open.offeredPerSec}/s offered); ${open.requests.toLocaleString('en-US')} toggles in ${r.durationSec} s${failed(open.failures)}`,
    },
    {
      group,
      metric: 'toggle p95',
      value: open.p95,
      unit: 'ms',
      target: { op: '<', limit: P95_TARGET_MS },
      note: `p99 ${open.p99} ms, max ${open.max} ms; timed from when each toggle was due`,
    },
    {
      group,
      metric: 'toggles per second, closed loop',
      value: closed.requestsPerSec,
      unit: 'req/s',
      note: `${r.connections} connections firing back to back: p50 ${closed.p50} ms, p95 ${closed.p95} ms (latency ≈ connections ÷ throughput)${failed(closed.failures)}`,
    },
  ];
}

/**
 * Runs `measure` against a site started on each database (PGlite, and PostgreSQL when configured), migrated
 * first; a database that fails, or PostgreSQL when none is configured, gets the headline row with no value
 * and why, so one database failing never hides the other's figures.
 */
export async function onEachDatabase(
  ctx: BenchContext,
  name: string,
  headline: { group: (db: string) => string; metric: string; limitMs: number },
  measure: (baseUrl: string, db: Database) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const missing = (db: string, note: string): BenchRow => ({
    group: headline.group(db),
    metric: headline.metric,
    value: null,
    unit: 'ms',
    target: { op: '<', limit: headline.limitMs },
    note,
  });
  const { list, postgresMissing } = databases(ctx, name);
  for (const db of list) {
    const env = { ...db.env, AUTH_SECRET: crypto.randomBytes(32).toString('base64url'), AUTH_TRUST_HOST: '1' };
    ctx.log(`${db.label}: applying migrations, starting the site`);
    try {
      await migrate(ctx, env);
      const server = await ctx.startServer(`${name}-${db.label.toLowerCase()}`, env);
      try {
        rows.push(...(await measure(server.baseUrl, db)));
      } finally {
        await server.stop();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`${db.label} failed: ${message}`);
      rows.push(missing(db.label, `failed: ${message.split('\n')[0]}`));
    }
  }
  if (postgresMissing) rows.push(missing('PostgreSQL', 'set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure'));
  return rows;
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const group = (db: string) => `bookmark toggle, ${db}, ${ctx.options.connections} readers`;
  return onEachDatabase(
    ctx,
    'bookmarks',
    { group, metric: 'toggle p95', limitMs: P95_TARGET_MS },
    async (baseUrl, db) =>
      rowsFor(
        group(db.label),
        await benchBookmarks({
          baseUrl,
          connections: ctx.options.connections,
          durationSec: ctx.options.durationSec,
          toggleIntervalSec: ctx.options.toggleIntervalSec,
        }),
      ),
  );
}

export const bookmarksBench: BenchHook = {
  name: 'bookmarks',
  description: 'bookmark toggle latency under concurrent signed-in readers (issue 3)',
  corpus: 'smallest',
  run,
};
