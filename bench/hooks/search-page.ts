// Bench hook for issue 13: the search page under 50 concurrent readers on the largest corpus, served by
// `npm start` — every request a different query, then one query repeated (answered from the cache), and the
// page with no query at a different address each time: the same page rendered without any search or result,
// the floor that no work on search itself can go below.
import { distinctQueries, emptySearchPaths, loadPaths, searchPagePath } from '../search-page';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

/** Issue 13's targets for distinct queries. */
const TARGETS = { requestsPerSec: 200, latencyMs: 300 };

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const server = await ctx.startServer('search-page', {}, { via: 'npm-start' });
  const { connections, durationSec, warmupSec } = ctx.options;
  // Enough that no query comes round twice in the run, whatever the server's speed.
  const queries = distinctQueries(40_000).map(searchPagePath);
  const group = `search page, ${ctx.size.toLocaleString('en-US')} articles (npm start)`;
  ctx.log(`search page: ${connections} connections, a different query each request, ${durationSec} s`);
  // The warm-up uses queries of its own, so the measured ones are all first asks.
  if (warmupSec > 0) await loadPaths(server.baseUrl, queries.slice(30_000), { connections, durationSec: warmupSec });
  const distinct = await loadPaths(server.baseUrl, queries.slice(0, 30_000), { connections, durationSec });
  ctx.log(`search page: ${connections} connections, one query repeated, ${durationSec} s`);
  const repeated = await loadPaths(server.baseUrl, [searchPagePath('城市 生活')], { connections, durationSec });
  ctx.log(`search page: ${connections} connections, no query, a different address each request, ${durationSec} s`);
  const bare = await loadPaths(server.baseUrl, emptySearchPaths(30_000), { connections, durationSec });
  const failures = (n: number) => (n > 0 ? `; ${n} failed` : '');
  return [
    {
      group,
      metric: 'distinct queries: requests/s',
      value: distinct.requestsPerSec,
      unit: 'req/s',
      target: { op: '>=', limit: TARGETS.requestsPerSec },
      note: `${distinct.totalRequests.toLocaleString('en-US')} requests, every one a new query${failures(distinct.failures)}`,
    },
    {
      group,
      metric: 'distinct queries: latency p97.5',
      value: distinct.latencyP97_5Ms,
      unit: 'ms',
      target: { op: '<', limit: TARGETS.latencyMs },
      note: `p50 ${distinct.latencyP50Ms} ms, p99 ${distinct.latencyP99Ms} ms (autocannon has no p95; p97.5 is the stricter figure)`,
    },
    {
      group,
      metric: 'one query repeated: requests/s',
      value: repeated.requestsPerSec,
      unit: 'req/s',
      note: `p50 ${repeated.latencyP50Ms} ms, p99 ${repeated.latencyP99Ms} ms: from the response cache${failures(repeated.failures)}`,
    },
    {
      group,
      metric: 'no query, distinct addresses: requests/s',
      value: bare.requestsPerSec,
      unit: 'req/s',
      note: `p50 ${bare.latencyP50Ms} ms, p97.5 ${bare.latencyP97_5Ms} ms: the page rendered with no search and no results${failures(bare.failures)}`,
    },
  ];
}

export const searchPageBench: BenchHook = {
  name: 'search-page',
  description: 'the search page under load, distinct and repeated queries, via npm start (issue 13)',
  corpus: 'largest',
  run,
};
