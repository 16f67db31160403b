// Bookmark toggle latency under many signed-in readers: signs bench readers up through the real form, then drives POST /api/bookmarks with autocannon, one reader per connection.
import { createRequire } from 'node:module';
import path from 'node:path';

export type BenchBookmarksOptions = {
  /** A running `next start`, e.g. http://127.0.0.1:3200 */
  baseUrl: string;
  connections?: number;
  durationSec?: number;
  /** The article to toggle; found on the home page when omitted. */
  slug?: string;
  /** Distinct signed-in readers, spread over the connections (default: one per connection, at most 50). */
  readers?: number;
};

export type BenchBookmarksResult = {
  /** Milliseconds, from autocannon's per-request response times. */
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  requestsPerSec: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failures: number;
  slug: string;
  connections: number;
  readers: number;
  durationSec: number;
};

type AutocannonInstance = PromiseLike<{ errors: number; timeouts: number; non2xx: number; requests: { average: number; total: number } }> & {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
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

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The first article linked from the home page. */
async function discoverSlug(baseUrl: string): Promise<string> {
  const res = await fetch(baseUrl + '/');
  const html = await res.text();
  const match = /href="\/articles\/([^"?#]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`bench-bookmarks: no /articles/ link on ${baseUrl}/ to bookmark (status ${res.status})`);
  return decodeURIComponent(match[1]);
}

function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Submits the sign-up form as a browser without JavaScript would: every hidden field React rendered
 * for the server action, plus ours, posted to the page. Returns the session cookie header.
 */
async function signUpThroughForm(baseUrl: string, email: string, password: string, clientIp: string): Promise<string> {
  const page = await fetch(`${baseUrl}/signup`);
  const html = await page.text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/g;
  let fields: string | null = null;
  for (let m = form.exec(html); m; m = form.exec(html)) {
    if (m[1]?.includes('name="email"')) fields = m[1];
  }
  if (!fields) throw new Error(`bench-bookmarks: no sign-up form on ${baseUrl}/signup (status ${page.status})`);
  const body = new FormData();
  for (const input of fields.matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1] ?? '';
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name) body.append(decodeHtml(name), decodeHtml(value));
  }
  body.append('email', email);
  body.append('password', password);
  body.append('name', 'bench');
  // A browser sends its Origin with a form post; Next checks it for server actions.
  const res = await fetch(`${baseUrl}/signup`, {
    method: 'POST',
    body,
    redirect: 'manual',
    // Each bench reader comes from its own address, as real readers do, so the per-IP sign-up limit applies to each alone.
    headers: { origin: baseUrl, 'x-forwarded-for': clientIp },
  });
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.includes('session-token='));
  if (cookies.length === 0) {
    throw new Error(`bench-bookmarks: sign-up as ${email} did not sign in (status ${res.status}); the page said: ${(await res.text()).slice(0, 300)}`);
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
        batch.map((i) => signUpThroughForm(baseUrl, `bench-${run}-${i}@example.com`, 'bench-password-123', `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`)),
      )),
    );
  }

  const body = JSON.stringify({ slug });
  // Warm up: route compilation caches, the database connection, the JIT. Also proves the toggle works for every reader.
  for (let i = 0; i < Math.max(20, readers); i++) {
    const res = await fetch(`${baseUrl}/api/bookmarks`, {
      method: 'POST',
      headers: { cookie: cookies[i % cookies.length] ?? '', 'content-type': 'application/json' },
      body,
    });
    if (!res.ok) throw new Error(`bench-bookmarks: toggle answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }

  const autocannon = requireFromRepo('autocannon') as Autocannon;
  const times: number[] = [];
  let nextReader = 0;
  const instance = autocannon({
    url: `${baseUrl}/api/bookmarks`,
    method: 'POST',
    connections,
    duration: durationSec,
    headers: { 'content-type': 'application/json' },
    body,
    setupClient: (client) => {
      client.setHeaders({ 'content-type': 'application/json', cookie: cookies[nextReader++ % cookies.length] ?? '' });
    },
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    requests: result.requests.total,
    requestsPerSec: round(result.requests.average),
    failures: result.non2xx + result.errors + result.timeouts,
    slug,
    connections,
    readers,
    durationSec,
  };
}
