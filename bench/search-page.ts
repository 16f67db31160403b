// The search page under load (issue 13): `npm start` answering /search?q= for 50 concurrent readers, once
// with a different query on every request (nothing to reuse: each one is searched and rendered) and once
// with the same query (what the response cache is for). Queries are pieces of the corpus's own phrases, so
// most find something, as real ones do.
import { createRequire } from 'node:module';
import path from 'node:path';
import { WORDS } from './corpus-vocabulary';
import { mulberry32 } from './prng';

const CJK_RUN = /\p{Script=Han}+/gu;

/** `count` distinct queries: one or two pieces (2–4 characters) of the corpus's phrases, deterministic. */
export function distinctQueries(count: number, seed = 13): string[] {
  const pieces = new Set<string>();
  for (const phrase of Object.values(WORDS).flat()) {
    for (const run of phrase.match(CJK_RUN) ?? []) {
      for (let len = 2; len <= 4; len++)
        for (let at = 0; at + len <= run.length; at++) pieces.add(run.slice(at, at + len));
    }
  }
  const bank = [...pieces];
  const random = mulberry32(seed);
  const pick = () => bank[Math.floor(random() * bank.length)] as string;
  const queries = new Set<string>(bank.slice(0, Math.min(bank.length, Math.floor(count / 4))));
  while (queries.size < count) queries.add(random() < 0.5 ? pick() : `${pick()} ${pick()}`);
  return [...queries].slice(0, count);
}

export type PageLoad = {
  requestsPerSec: number;
  totalRequests: number;
  latencyP50Ms: number;
  latencyP97_5Ms: number;
  latencyP99Ms: number;
  /** Non-2xx answers, errors and timeouts. */
  failures: number;
};

type Percentiles = { average: number; p50: number; p97_5: number; p99: number };
type Result = {
  requests: Percentiles & { total: number };
  latency: Percentiles;
  errors: number;
  timeouts: number;
  non2xx: number;
};
type Request = { method: string; path: string };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: Array<{ setupRequest: (request: Request) => Request }>;
}) => PromiseLike<Result>;

const requireFromRepo = createRequire(path.join(process.cwd(), 'package.json'));

/** Loads `origin` + each path in turn (wrapping around) from `connections` connections for `durationSec`. */
export async function loadPaths(
  origin: string,
  paths: readonly string[],
  opts: { connections: number; durationSec: number },
): Promise<PageLoad> {
  const autocannon = requireFromRepo('autocannon') as Autocannon;
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections: opts.connections,
    duration: opts.durationSec,
    requests: [
      {
        setupRequest: (request) => {
          const pathname = paths[next++ % paths.length] as string;
          return { ...request, method: 'GET', path: pathname };
        },
      },
    ],
  });
  return {
    requestsPerSec: result.requests.average,
    totalRequests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP97_5Ms: result.latency.p97_5,
    latencyP99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export const searchPagePath = (query: string) => `/search?q=${encodeURIComponent(query)}`;

/**
 * `count` addresses of the search page with an empty query, each different (a page number of its own), so
 * none is answered from the response cache: every one renders the page, with no search and no result.
 */
export const emptySearchPaths = (count: number) => Array.from({ length: count }, (_, i) => `/search?q=&page=${i + 1}`);
