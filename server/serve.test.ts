import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandler, fetchLocal, listenOptions, responseCacheBytes, searchThreads } from './serve.mjs';
import { DEFAULT_THREADS } from './search-answer.mjs';
import { RESULTS_END, RESULTS_START } from '@/lib/search/results-region.mjs';
import { createSearchInclude } from './search-include.mjs';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** npm start's handler over this folder with a 1 MiB response cache, in front of a stand-in for Next. */
const testHandler = (options: Pick<Parameters<typeof createHandler>[0], 'next' | 'cacheLimit' | 'searchInclude'>) =>
  createHandler({ dir: process.cwd(), distDir: '.next', cacheBytes: 1024 * 1024, env: {}, ...options });

/** Serves `handler` on a free loopback port until the test ends. */
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

describe('npm start: the response cache setting', () => {
  it('keeps 64 MB by default, reads RESPONSE_CACHE_MB, and 0 turns it off', () => {
    expect(responseCacheBytes({})).toBe(64 * 1024 * 1024);
    expect(responseCacheBytes({ RESPONSE_CACHE_MB: '16' })).toBe(16 * 1024 * 1024);
    expect(responseCacheBytes({ RESPONSE_CACHE_MB: '0' })).toBe(0);
  });

  it('names the variable when its value is not a size', () => {
    expect(() => responseCacheBytes({ RESPONSE_CACHE_MB: 'lots' })).toThrow(/RESPONSE_CACHE_MB.*"lots"/);
    expect(() => responseCacheBytes({ RESPONSE_CACHE_MB: '-1' })).toThrow(/RESPONSE_CACHE_MB/);
  });
});

describe('npm start: its search threads', () => {
  it('are one per core (up to 4) unless SEARCH_THREADS says how many; 0 leaves every search to Next', () => {
    expect(DEFAULT_THREADS).toBe(Math.max(1, Math.min(4, os.availableParallelism())));
    expect(searchThreads({})).toBe(DEFAULT_THREADS);
    expect(searchThreads({ SEARCH_THREADS: ' ' })).toBe(DEFAULT_THREADS);
    expect(searchThreads({ SEARCH_THREADS: '1' })).toBe(1);
    expect(searchThreads({ SEARCH_THREADS: '0' })).toBe(0);
  });

  it('names the variable when its value is not a number of threads', () => {
    for (const bad of ['many', '-1', '1.5', '17'])
      expect(() => searchThreads({ SEARCH_THREADS: bad })).toThrow(new RegExp(`SEARCH_THREADS.*"${bad}"`));
  });
});

describe('npm start: where it listens', () => {
  it('reads PORT and HOSTNAME, and -p/-H as `next start` does', () => {
    expect(listenOptions([], {})).toEqual({ port: 3000, hostname: undefined });
    expect(listenOptions([], { PORT: '4000', HOSTNAME: '127.0.0.1' })).toEqual({ port: 4000, hostname: '127.0.0.1' });
    expect(listenOptions(['-p', '5000', '-H', '0.0.0.0'], { PORT: '4000' })).toEqual({
      port: 5000,
      hostname: '0.0.0.0',
    });
    expect(listenOptions(['--port=5001', '--hostname', 'localhost'], {})).toEqual({
      port: 5001,
      hostname: 'localhost',
    });
  });

  it('refuses options it does not know, and bad ports, naming them', () => {
    expect(() => listenOptions(['--keepAliveTimeout', '70000'], {})).toThrow(/unknown option "--keepAliveTimeout"/);
    expect(() => listenOptions(['-p', 'eighty'], {})).toThrow(/port .*"NaN"|port/);
  });
});

describe('npm start: no cache keeps a page past the next scheduled publication', () => {
  async function start(limit: () => number | null, viaWriteHead = false) {
    let calls = 0;
    const handler = testHandler({
      cacheLimit: limit,
      next: (_req, res) => {
        calls++;
        const headers = {
          'content-type': 'text/html',
          'cache-control': 's-maxage=300, stale-while-revalidate=31535700',
        };
        if (viaWriteHead) res.writeHead(200, headers);
        else for (const [n, v] of Object.entries(headers)) res.setHeader(n, v);
        res.end(`<p>render ${calls}</p>`);
      },
    });
    const { origin } = await serve(handler);
    return { url: `${origin}/`, calls: () => calls, handler };
  }

  it('tells caches downstream the shorter lifetime, whichever way Next writes its headers', async () => {
    for (const viaWriteHead of [false, true]) {
      const site = await start(() => 42, viaWriteHead);
      const res = await fetch(site.url);
      expect(res.headers.get('cache-control')).toBe('s-maxage=42');
      expect(await res.text()).toBe('<p>render 1</p>');
    }
  });

  it('keeps a page in its own cache only while the limit allows, and not at all at 0', async () => {
    let limit: number | null = 0;
    const site = await start(() => limit);
    await fetch(site.url);
    await fetch(site.url);
    expect(site.calls()).toBe(2);
    limit = 60;
    await fetch(site.url);
    const cached = await fetch(site.url);
    expect(site.calls()).toBe(3);
    expect(await cached.text()).toBe('<p>render 3</p>');
    // The publication event empties it: the next request renders again.
    site.handler.cache?.clear();
    expect(await (await fetch(site.url)).text()).toBe('<p>render 4</p>');
  });
});

describe('npm start: result pages put together from the shell and the results route', () => {
  const SHELL =
    '<html><head><title>搜索 · 胡同</title></head><body>' +
    `<div id="search-results" data-address="/search" data-title="搜索 · 胡同">${RESULTS_START}<p>输入关键词</p>${RESULTS_END}</div></body></html>`;

  async function start(limit: () => number | null = () => null) {
    const seen: string[] = [];
    let server: http.Server | null = null;
    const searchInclude = createSearchInclude({ fetchLocal: (p) => fetchLocal(server!, p) });
    const handler = testHandler({
      cacheLimit: limit,
      searchInclude,
      next: (req, res) => {
        seen.push(req.url ?? '');
        const url = new URL(req.url ?? '/', 'http://x');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'public, s-maxage=60, stale-while-revalidate=30');
        if (url.pathname === '/search/results') {
          const q = url.searchParams.get('q') ?? '';
          res.setHeader('x-search-title', encodeURIComponent(`搜索：${q} · 胡同`));
          res.setHeader('x-search-address', `/search?q=${encodeURIComponent(q)}`);
          res.end(`<ol><li>${q} 的结果</li></ol>`);
        } else if (url.pathname === '/search' && !url.search) res.end(SHELL);
        else res.end('<p>rendered by Next</p>');
      },
    });
    const served = await serve(handler);
    server = served.server;
    return { origin: served.origin, seen };
  }

  it('answers a reader’s result page without rendering it, and the router’s requests with Next', async () => {
    const { origin, seen } = await start();
    const page = await fetch(`${origin}/search?q=${encodeURIComponent('甲')}`);
    const body = await page.text();
    expect(body).toContain(`${RESULTS_START}<ol><li>甲 的结果</li></ol>${RESULTS_END}`);
    expect(body).toContain('<title>搜索：甲 · 胡同</title>');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(seen).toEqual(['/search', `/search/results?q=${encodeURIComponent('甲')}`]);

    const payload = await fetch(`${origin}/search?q=${encodeURIComponent('甲')}`, { headers: { rsc: '1' } });
    expect(await payload.text()).toBe('<p>rendered by Next</p>');
  });

  it('keeps a result page no longer than the next scheduled publication allows', async () => {
    const { origin } = await start(() => 5);
    const page = await fetch(`${origin}/search?q=a`);
    expect(page.headers.get('cache-control')).toBe('public, s-maxage=5');
  });
});
