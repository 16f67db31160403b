// Requests per second for one URL with autocannon's programmatic API, after a warm-up at the same load.
import { createRequire } from 'node:module';
import path from 'node:path';

type Percentiles = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };

type AutocannonResult = {
  requests: Percentiles & { total: number; sent: number };
  latency: Percentiles;
  throughput: Percentiles;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  warmup?: { connections: number; duration: number };
  headers?: Record<string, string>;
};

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (options: AutocannonOptions) => PromiseLike<AutocannonResult>;

const requireFromRepo = createRequire(path.join(process.cwd(), 'package.json'));

export type Throughput = {
  url: string;
  requestsPerSec: number;
  totalRequests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  bytesPerSec: number;
  /** Non-2xx answers, errors and timeouts: any of these makes the figure suspect. */
  failures: number;
};

export async function measureThroughput(opts: {
  url: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  headers?: Record<string, string>;
}): Promise<Throughput> {
  const autocannon = requireFromRepo('autocannon') as Autocannon;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSec,
    headers: opts.headers,
    ...(opts.warmupSec > 0 ? { warmup: { connections: opts.connections, duration: opts.warmupSec } } : {}),
  });
  return {
    url: opts.url,
    requestsPerSec: result.requests.average,
    totalRequests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytesPerSec: result.throughput.average,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
