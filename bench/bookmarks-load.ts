// Bookmark toggle latency under many signed-in readers: signs bench readers up through the real form, then
// drives POST /api/bookmarks two ways. Open loop (the figure the target is about): each reader
// toggles at a human pace, at moments drawn in advance (a Poisson process), and every request's latency
// runs from the moment it was due, so a slow server cannot hide its backlog by delaying the next request
// ("coordinated omission"). Closed loop (autocannon, each connection firing again as soon as it is
// answered): the throughput ceiling, printed next to it for honesty.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mulberry32, type Random } from './prng';
import { percentile } from './stats';

export type BenchBookmarksOptions = {
  /** A running `next start`, e.g. http://127.0.0.1:3200 */
  baseUrl: string;
  /** Concurrent readers (open loop) and connections (closed loop). */
  connections?: number;
  durationSec?: number;
  /**
   * Mean seconds between one reader's toggles in the open-loop run (default 1). A real reader saves
   * an article every few minutes at most; one a second each is a hard but still human-clickable pace.
   */
  toggleIntervalSec?: number;
  /** The article to toggle; found on the home page when omitted. */
  slug?: string;
  /** Distinct signed-in readers, spread over the connections (default: one per connection, at most 50). */
  readers?: number;
  /** Seed for the open-loop schedule, so runs are comparable. */
  seed?: number;
  /** The write to time (default POST /api/bookmarks {slug}): its path and the JSON body of the n-th request. */
  write?: { path: string; body: (slug: string, n: number) => string };
};

export type LatencySummary = {
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failures: number;
};

export type BenchBookmarksResult = {
  /** Open loop: readers toggling at `toggleIntervalSec` on average; latency from each toggle's due time. */
  openLoop: LatencySummary & { offeredPerSec: number; toggleIntervalSec: number };
  /** Closed loop: each connection toggles again as soon as it is answered (autocannon). */
  closedLoop: LatencySummary & { requestsPerSec: number };
  slug: string;
  connections: number;
  readers: number;
  durationSec: number;
};

type AutocannonInstance = PromiseLike<{
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
}> & {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void,
  ): void;
};
type AutocannonClient = { setHeaders(headers: Record<string, string>): void };
type Autocannon = (options: {
  url: string;
  method: 'POST';
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
  setupClient: (client: AutocannonClient) => void;
}) => AutocannonInstance;

const requireFromRepo = createRequire(path.join(process.cwd(), 'package.json'));

const round = (n: number) => Math.round(n * 10) / 10;

export function summarize(times: number[], failures: number): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    requests: times.length,
    failures,
  };
}

export type ScheduledRequest = { reader: number; atMs: number };

/**
 * When each reader toggles, drawn before the run: independent Poisson processes (exponential gaps
 * averaging `meanIntervalMs`), merged in time order. Drawing them in advance is what makes the load
 * open: nothing the server does moves a reader's next click.
 */
export function poissonSchedule(opts: {
  readers: number;
  meanIntervalMs: number;
  durationMs: number;
  random: Random;
}): ScheduledRequest[] {
  const out: ScheduledRequest[] = [];
  for (let reader = 0; reader < opts.readers; reader++) {
    // Memoryless: the first click is as far off as any other, so readers start out of step.
    for (
      let at = -Math.log(1 - opts.random()) * opts.meanIntervalMs;
      at < opts.durationMs;
      at += -Math.log(1 - opts.random()) * opts.meanIntervalMs
    ) {
      out.push({ reader, atMs: at });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs || a.reader - b.reader);
}

/**
 * Fires each request at its due time whether or not earlier ones have been answered, and times it
 * from that due time to the end of its answer. `send` resolves to whether the answer was a success.
 */
export async function runOpenLoop(
  schedule: readonly ScheduledRequest[],
  send: (reader: number) => Promise<boolean>,
): Promise<{ times: number[]; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (const item of schedule) {
    const due = start + item.atMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(item.reader).then(
        (ok) => {
          if (ok) times.push(performance.now() - due);
          else failures += 1;
        },
        () => {
          failures += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { times, failures };
}

/** One toggle over a keep-alive connection pool (as a browser keeps its connection to the site). */
function toggleSender(
  baseUrl: string,
  cookies: readonly string[],
  write: { path: string; body: (n: number) => string },
): { send: (reader: number) => Promise<boolean>; close(): void } {
  const url = new URL(write.path, baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  let n = 0;
  const send = (reader: number) =>
    new Promise<boolean>((resolve, reject) => {
      const body = write.body(n++);
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: cookies[reader % cookies.length] ?? '',
          },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.once('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
          res.once('error', reject);
        },
      );
      req.once('timeout', () => req.destroy(new Error('timed out')));
      req.once('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

/** The first article linked from the home page. */
async function discoverSlug(baseUrl: string): Promise<string> {
  const res = await fetch(baseUrl + '/');
  const html = await res.text();
  const match = /href="\/articles\/([^"?#]+)"/.exec(html);
  if (!match?.[1])
    throw new Error(`bench-bookmarks: no /articles/ link on ${baseUrl}/ to bookmark (status ${res.status})`);
  return decodeURIComponent(match[1]);
}

function decodeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Submits the form on `path` that has an email field as a browser without JavaScript would: every hidden
 * field React rendered for the server action, plus `fields`, posted to the page.
 */
async function submitForm(baseUrl: string, path: string, fields: Record<string, string>, clientIp: string) {
  const page = await fetch(`${baseUrl}${path}`);
  const html = await page.text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/g;
  let inputs: string | null = null;
  for (let m = form.exec(html); m; m = form.exec(html)) {
    if (m[1]?.includes('name="email"')) inputs = m[1];
  }
  if (!inputs)
    throw new Error(`bench-bookmarks: no form with an email field on ${baseUrl}${path} (status ${page.status})`);
  const body = new FormData();
  for (const input of inputs.matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1] ?? '';
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name) body.append(decodeHtml(name), decodeHtml(value));
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  // A browser sends its Origin with a form post; Next checks it for server actions. Each bench reader comes
  // from its own address, as real readers do, so the per-IP sign-up and sign-in limits apply to each alone.
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { origin: baseUrl, 'x-forwarded-for': clientIp },
  });
}

/**
 * Signs a new reader up and in through the forms, as a reader does: sign-up answers 请查收邮件 for every
 * address (no session), and an account may sign in before its address is verified. Returns the session
 * cookie header.
 */
export async function signUpThroughForm(
  baseUrl: string,
  email: string,
  password: string,
  clientIp: string,
): Promise<string> {
  const signUp = await submitForm(baseUrl, '/signup', { email, password, name: 'bench' }, clientIp);
  const answer = await signUp.text();
  if (!answer.includes('请查收邮件'))
    throw new Error(
      `bench-bookmarks: sign-up as ${email} was refused (status ${signUp.status}): ${answer.slice(0, 300)}`,
    );
  const res = await submitForm(baseUrl, '/signin', { email, password }, clientIp);
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.includes('session-token='));
  if (cookies.length === 0) {
    throw new Error(
      `bench-bookmarks: ${email} did not sign in (status ${res.status}); the page said: ${(await res.text()).slice(0, 300)}`,
    );
  }
  return cookies.join('; ');
}

export async function benchBookmarks(options: BenchBookmarksOptions): Promise<BenchBookmarksResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const connections = options.connections ?? 50;
  const durationSec = options.durationSec ?? 10;
  const slug = options.slug ?? (await discoverSlug(baseUrl));
  const readers = Math.max(1, Math.min(options.readers ?? connections, connections, 50));
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const cookies: string[] = [];
  // A few at a time: each sign-up hashes a password (argon2id), deliberately slow.
  for (let start = 0; start < readers; start += 5) {
    const batch = Array.from({ length: Math.min(5, readers - start) }, (_, k) => start + k);
    cookies.push(
      ...(await Promise.all(
        batch.map((i) =>
          signUpThroughForm(
            baseUrl,
            `bench-${run}-${i}@example.com`,
            'bench-password-123',
            `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          ),
        ),
      )),
    );
  }

  const write = {
    path: options.write?.path ?? '/api/bookmarks',
    body: (n: number) => (options.write ? options.write.body(slug, n) : JSON.stringify({ slug })),
  };
  const body = write.body(0);
  // Warm up: route compilation caches, the database connection, the JIT. Also proves the toggle works for every reader.
  for (let i = 0; i < Math.max(20, readers); i++) {
    const res = await fetch(`${baseUrl}${write.path}`, {
      method: 'POST',
      headers: { cookie: cookies[i % cookies.length] ?? '', 'content-type': 'application/json' },
      body: write.body(i),
    });
    if (!res.ok) throw new Error(`bench-bookmarks: ${write.path} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }

  // Open loop first, on a quiet server: the figure the target is about.
  const meanIntervalSec = options.toggleIntervalSec ?? 1;
  const schedule = poissonSchedule({
    readers,
    meanIntervalMs: meanIntervalSec * 1000,
    durationMs: durationSec * 1000,
    random: mulberry32(options.seed ?? 1),
  });
  const sender = toggleSender(baseUrl, cookies, write);
  let open: { times: number[]; failures: number };
  try {
    open = await runOpenLoop(schedule, sender.send);
  } finally {
    sender.close();
  }

  const autocannon = requireFromRepo('autocannon') as Autocannon;
  const closedTimes: number[] = [];
  let nextReader = 0;
  const instance = autocannon({
    url: `${baseUrl}${write.path}`,
    method: 'POST',
    connections,
    duration: durationSec,
    headers: { 'content-type': 'application/json' },
    body,
    setupClient: (client) => {
      client.setHeaders({ 'content-type': 'application/json', cookie: cookies[nextReader++ % cookies.length] ?? '' });
    },
  });
  instance.on('response', (_client, _status, _bytes, ms) => closedTimes.push(ms));
  const result = await instance;
  return {
    openLoop: {
      ...summarize(open.times, open.failures),
      offeredPerSec: round(schedule.length / durationSec),
      toggleIntervalSec: meanIntervalSec,
    },
    closedLoop: {
      ...summarize(closedTimes, result.non2xx + result.errors + result.timeouts),
      requestsPerSec: round(result.requests.average),
    },
    slug,
    connections,
    readers,
    durationSec,
  };
}
