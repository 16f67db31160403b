// Bench hook for issues 5 and 13: the build's site index file (size, time to open it) or, without a build,
// the time to compile it; the memory search adds, and query p50/p95, over the largest corpus.
import { siteIndexFile } from '@/lib/content/index-path.mjs';
import { benchSearch, TARGETS } from '../search-load';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const indexFile = siteIndexFile(ctx.distDir);
  const r = await benchSearch({ dir: ctx.corpusDir, indexFile, print: false, log: ctx.log });
  const group = `search, ${r.articles.toLocaleString('en-US')} articles`;
  const terms = `SQLite with FTS5, ${r.rows.toLocaleString('en-US')} documents`;
  const source: BenchRow[] = r.file
    ? [
        { group, metric: 'index file', value: r.file.MiB, unit: 'MiB', note: `written by the build; ${terms}` },
        {
          group,
          metric: 'index open at server start',
          value: r.file.loadMs,
          unit: 'ms',
          note: 'opened read-only; nothing loaded whole',
        },
      ]
    : [
        {
          group,
          metric: 'index build, in memory',
          value: (r.buildMs ?? 0) / 1000,
          unit: 's',
          note: `no index file in the build; ${terms}`,
        },
      ];
  return [
    ...source,
    {
      group,
      metric: 'index memory',
      value: r.indexMiB,
      unit: 'MiB',
      target: { op: '<', limit: TARGETS.indexMiB },
      note: 'heap + external after GC',
    },
    {
      group,
      metric: 'query p50',
      value: r.p50,
      unit: 'ms',
      note: `${r.samples} queries: a mix of 25 asked 20 times (documents read before are kept)`,
    },
    {
      group,
      metric: 'query p95',
      value: r.p95,
      unit: 'ms',
      target: { op: '<', limit: TARGETS.p95Ms },
      note: `p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`,
    },
    {
      group,
      metric: 'distinct queries p95',
      value: r.distinct.p95,
      unit: 'ms',
      target: { op: '<', limit: TARGETS.p95Ms },
      note: `${r.distinct.samples} queries each asked once: p50 ${r.distinct.p50.toFixed(2)} ms, max ${r.distinct.max.toFixed(2)} ms`,
    },
  ];
}

export const searchBench: BenchHook = {
  name: 'search',
  description: 'search index memory and query latency (issue 5)',
  corpus: 'largest',
  // Uses the build's index file when there is one; without a build it measures the in-memory index.
  needsBuild: false,
  run,
};
