// Bench hook for issue 5: search index build time and memory, and query p50/p95, over the largest corpus.
import { benchSearch, TARGETS } from '../../bench-search';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const r = await benchSearch({ dir: ctx.corpusDir, print: false, log: ctx.log });
  const group = `search, ${r.articles.toLocaleString('en-US')} articles`;
  return [
    { group, metric: 'index build', value: r.buildMs / 1000, unit: 's', note: `${r.distinctTerms.toLocaleString('en-US')} terms, ${r.postings.toLocaleString('en-US')} postings` },
    { group, metric: 'index memory', value: r.indexMiB, unit: 'MiB', target: { op: '<', limit: TARGETS.indexMiB }, note: 'heap + external after GC' },
    { group, metric: 'query p50', value: r.p50, unit: 'ms', note: `${r.samples} queries` },
    { group, metric: 'query p95', value: r.p95, unit: 'ms', target: { op: '<', limit: TARGETS.p95Ms }, note: `p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms` },
  ];
}

export const searchBench: BenchHook = {
  name: 'search',
  description: 'search index memory and query latency (issue 5)',
  corpus: 'largest',
  needsBuild: false,
  run,
};
