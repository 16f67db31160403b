import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandler, listenOptions, responseCacheBytes } from './serve.mjs';

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
  const servers: http.Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  async function start(limit: () => number | null, viaWriteHead = false) {
    let calls = 0;
    const handler = createHandler({
      dir: process.cwd(),
      distDir: '.next',
      cacheBytes: 1024 * 1024,
      env: {},
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
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/`, calls: () => calls, handler };
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
