// A scheduled article goes live everywhere at once. The production build of a small site
// (test/fixtures/schedule-site, built by scripts/test-e2e.mjs) is served by `npm start`'s own server,
// whose clock is set (e2e/support/shift-clock.mjs) to 90 seconds before the article's time. Every public
// place is asked before that time, twice so that every cache holds its answer, the article's own address
// included (404); then, a moment after the time, every place must show it and its page must answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { E2E_SCHEDULE } from './support/env';

const T = Date.parse('2031-05-01T08:00:00+08:00');
const SLUG = '晨光书店';
const TITLE = '晨光书店重新开门';
/** Scheduled for autumn: must stay hidden throughout. */
const LATER = '秋天再走这条路';
/**
 * How far before T the server's clock starts. `npm start` (migrations, then Next) took 19 s to be ready
 * alone and over 30 s beside the rest of the suite on a slow day, which left too little of 45 s.
 */
const LEAD_MS = 90_000;
/** The slack allowed after T: the server wakes a second after it; a request or two to render. */
const SLACK_MS = 8_000;

const base = `http://127.0.0.1:${E2E_SCHEDULE.port}`;
const href = (p: string) => base + encodeURI(p);

/** Every public place that lists articles, and what shows the article there. */
const PLACES: Array<{ path: string; shows: string }> = [
  { path: '/', shows: TITLE },
  { path: '/feed.xml', shows: TITLE },
  { path: '/atom.xml', shows: TITLE },
  { path: '/sitemap.xml', shows: encodeURI(`/articles/${SLUG}`) },
  { path: '/search?q=晨光定时试读', shows: TITLE },
  { path: '/categories/城市', shows: TITLE },
  { path: '/categories/城市/feed.xml', shows: TITLE },
  { path: '/authors/周晓', shows: TITLE },
  { path: '/tags/菜园', shows: TITLE },
  { path: '/archive', shows: TITLE },
  { path: '/archive/2031', shows: TITLE },
  // The article before it links to it as the newer one.
  { path: '/articles/钟表铺', shows: encodeURI(`/articles/${SLUG}`) },
];
/** Addresses that exist only once the article is live (page 2: two articles a page). */
const APPEARING = [`/articles/${SLUG}`, '/tags/书店', '/page/2', '/archive/2031/05'];

let server: ChildProcess | undefined;
let shift = 0;
let log = '';
const serverNow = () => Date.now() + shift;

async function get(path: string) {
  const res = await fetch(href(path), { redirect: 'manual' });
  return {
    status: res.status,
    body: await res.text(),
    cacheControl: res.headers.get('cache-control'),
    age: Number(res.headers.get('age') ?? '0'),
  };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== 'desktop') return;
  testInfo.setTimeout(120_000);
  rmSync(E2E_SCHEDULE.dataDir, { recursive: true, force: true });
  rmSync(`${E2E_SCHEDULE.distDir}/cache/hutong/published-through`, { force: true });
  shift = T - LEAD_MS - Date.now();
  server = spawn(process.execPath, ['--import', './e2e/support/shift-clock.mjs', 'server/start.cjs'], {
    env: {
      ...process.env,
      HUTONG_TEST_CLOCK_SHIFT_MS: String(shift),
      NEXT_DIST_DIR: E2E_SCHEDULE.distDir,
      CONTENT_DIR: E2E_SCHEDULE.contentDir,
      DATA_DIR: E2E_SCHEDULE.dataDir,
      PORT: String(E2E_SCHEDULE.port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: `http://localhost:${E2E_SCHEDULE.port}`,
      PAGE_SIZE: '2',
      AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789abcdef',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  server.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  // It listens as soon as it starts, as `next start` does: a reader who connects while Next is still
  // preparing (its start-up hook has not yet opened the site index) waits for the page instead of finding
  // the port closed.
  const early = (async () => {
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      const accepted = await new Promise<boolean>((resolve) => {
        const socket = connect(E2E_SCHEDULE.port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      if (accepted) {
        const prepared = /content: (site index open|no site index)/.test(log);
        return { prepared, home: (await get('/')).status };
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return null;
  })();
  await expect.poll(() => log, { timeout: 60_000, message: 'the schedule site did not start' }).toContain('Ready on');
  expect(await early, log).toEqual({ prepared: false, home: 200 });
  // The build saved V8's code for the server (scripts/warm-code-cache.mjs) and npm start compiled from it.
  const fromCache = Number(/(\d+) modules compiled from the build's code cache/.exec(log)?.[1] ?? 0);
  expect(fromCache, log).toBeGreaterThan(100);
  // …and resolved its require() calls from the record the warm-up made (server/resolve-cache.mjs).
  const resolved = Number(/(\d+) require\(\) calls resolved from its record/.exec(log)?.[1] ?? 0);
  expect(resolved, log).toBeGreaterThan(100);
  // npm start (start.cjs) ran the server code from the bundle the build made of it (server/bundle.cjs).
  expect(log).toContain("server code from the build's bundle");
});

test.afterAll(async () => {
  if (!server) return;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

test('a scheduled article is nowhere before its time, and everywhere a moment after it', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one server, one clock: run once');
  test.setTimeout(LEAD_MS + 60_000);
  expect(serverNow(), 'the server started too late to see the article before its time').toBeLessThan(T - 15_000);

  // Before T: every place answers without it, twice (the second answer may come from a cache).
  for (let round = 0; round < 2; round++) {
    for (const place of PLACES) {
      const res = await get(place.path);
      expect(res.status, place.path).toBe(200);
      expect(res.body, `${place.path} before its time`).not.toContain(place.shows);
      expect(res.body).not.toContain(LATER);
    }
    for (const path of APPEARING) expect((await get(path)).status, `${path} before its time`).toBe(404);
  }
  // Nothing said before T may be kept past it, by this server or by a CDN in front of it. Counted from
  // before the request: the server cannot have set the lifetime earlier, and the time the answer takes to
  // arrive (over a second in a loaded run) is not the server's to account for. A copy from the response
  // cache has lived `age` seconds of its lifetime; the second of slack is Age's rounding down.
  const asked = serverNow();
  const home = await get('/');
  const sMaxAge = Number(/s-maxage=(\d+)/.exec(home.cacheControl ?? '')?.[1] ?? '0');
  const swr = Number(/stale-while-revalidate=(\d+)/.exec(home.cacheControl ?? '')?.[1] ?? '0');
  expect(asked + (sMaxAge + swr - home.age) * 1000).toBeLessThanOrEqual(T + 1000);
  expect(serverNow(), 'the checks before the scheduled time ran past it: the test proves nothing').toBeLessThan(T);

  // After T: every place shows it within a few seconds, and its page answers.
  await new Promise((r) => setTimeout(r, T - serverNow()));
  const seenAt: Record<string, number> = {};
  for (const place of PLACES) {
    await expect
      .poll(async () => (await get(place.path)).body.includes(place.shows), {
        message: `${place.path} shows the article after its time`,
        timeout: Math.max(1000, T + SLACK_MS - serverNow()),
        intervals: [250],
      })
      .toBe(true);
    seenAt[place.path] = serverNow() - T;
  }
  for (const path of APPEARING) {
    await expect
      .poll(async () => (await get(path)).status, { timeout: Math.max(1000, T + SLACK_MS - serverNow()) })
      .toBe(200);
  }
  const page = await get(`/articles/${SLUG}`);
  expect(page.body).toContain(TITLE);
  // The autumn article is still nowhere, and its address is still unknown.
  for (const place of PLACES) expect((await get(place.path)).body).not.toContain(LATER);
  expect((await get('/articles/秋天的路')).status).toBe(404);
  // The server's own clock published it (at T + 1 s; a page may already have renewed itself by then).
  await expect
    .poll(() => log, { timeout: Math.max(1000, T + SLACK_MS - serverNow()) })
    .toContain('Published on schedule: /articles/晨光书店');
  testInfo.annotations.push({ type: 'seen after T (ms)', description: JSON.stringify(seenAt) });
});
