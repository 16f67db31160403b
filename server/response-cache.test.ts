import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createResponseCache,
  ENTRY_OVERHEAD_BYTES,
  hasOwnQuery,
  mayUseCache,
  type ResponseCache,
} from './response-cache.mjs';

const ARTICLE_CC = 's-maxage=600, stale-while-revalidate=31535400';
const RSC_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

type Page = {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  viaWriteHead?: boolean | 'pairs';
  gzip?: boolean;
};

/** A stand-in for Next's handler: answers from `pages`, counting how often it is asked. */
function fakeNext(pages: Record<string, Page | ((req: http.IncomingMessage) => Page)>) {
  const calls: string[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    calls.push(`${req.method} ${req.url}`);
    const entry = pages[req.url ?? ''];
    const page = typeof entry === 'function' ? entry(req) : (entry ?? { status: 404, body: 'missing' });
    let body: string | Buffer = page.body ?? '';
    const headers: Record<string, string | string[]> = { 'content-type': 'text/html; charset=utf-8', ...page.headers };
    if (page.gzip && /gzip/.test(String(req.headers['accept-encoding']))) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    if (page.viaWriteHead === 'pairs') {
      res.writeHead(
        page.status ?? 200,
        Object.entries(headers).flatMap(([name, value]) => [name, String(value)]),
      );
    } else if (page.viaWriteHead) {
      res.writeHead(page.status ?? 200, headers);
    } else {
      res.statusCode = page.status ?? 200;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    // Two writes, as a streamed render would.
    const buffer = Buffer.from(body);
    res.write(buffer.subarray(0, 5));
    res.end(buffer.subarray(5));
  };
  return { calls, handler };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(cache: ResponseCache, next: ReturnType<typeof fakeNext>['handler']): Promise<string> {
  const server = http.createServer((req, res) => void cache.handle(req, res, next));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A plain request (fetch would add its own cache headers to conditional requests). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: { get(name: string): string | null }; body: string }>(
    (resolve, reject) => {
      const req = http.request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
          resolve({
            status: res.statusCode ?? 0,
            headers: { get: (name) => (res.headers[name] === undefined ? null : String(res.headers[name])) },
            body: body.toString('utf8'),
          });
        });
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('response cache in front of Next (npm start)', () => {
  it('serves a prerendered page Next marks s-maxage from memory, the same bytes and headers, with its Age', async () => {
    let clock = 1_000_000;
    const cache = createResponseCache({ now: () => clock });
    const next = fakeNext({
      '/articles/a': {
        headers: { 'cache-control': ARTICLE_CC, vary: RSC_VARY, etag: '"abc"', 'x-frame-options': 'DENY' },
        body: '<h1>文章</h1>',
      },
    });
    const base = await serve(cache, next.handler);
    const first = await get(`${base}/articles/a`);
    clock += 5_000;
    const second = await get(`${base}/articles/a`);
    expect(next.calls).toEqual(['GET /articles/a']);
    expect(second.body).toBe('<h1>文章</h1>');
    expect(second.body).toBe(first.body);
    for (const name of ['cache-control', 'vary', 'etag', 'x-frame-options', 'content-type'])
      expect(second.headers.get(name)).toBe(first.headers.get(name));
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength('<h1>文章</h1>')));
    expect(second.headers.get('age')).toBe('5');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, stored: 1 });
  });

  it('asks Next again once the s-maxage has passed', async () => {
    let clock = 0;
    const cache = createResponseCache({ now: () => clock });
    const next = fakeNext({
      '/': { headers: { 'cache-control': 's-maxage=300, stale-while-revalidate' }, body: 'home' },
    });
    const base = await serve(cache, next.handler);
    await get(`${base}/`);
    clock += 299_000;
    await get(`${base}/`);
    clock += 2_000;
    await get(`${base}/`);
    expect(next.calls).toHaveLength(2);
  });

  it('does not keep an answer that was being written when the cache was emptied', async () => {
    const cache = createResponseCache();
    let release: () => void = () => {};
    let renders = 0;
    const slow = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      renders++;
      res.setHeader('cache-control', 's-maxage=300');
      res.write(`render ${renders}: `);
      if (renders === 1) {
        // A page from before a publication, still streaming when the publication empties the cache.
        release = () => res.end('old');
      } else res.end('new');
    };
    const base = await serve(cache, slow);
    const first = get(`${base}/`);
    await new Promise((r) => setTimeout(r, 50));
    cache.clear();
    release();
    expect((await first).body).toBe('render 1: old');
    expect((await get(`${base}/`)).body).toBe('render 2: new');
    expect((await get(`${base}/`)).body).toBe('render 2: new');
  });

  it('never answers, nor keeps, requests in Draft Mode', async () => {
    const cache = createResponseCache();
    const next = fakeNext({ '/articles/a': { headers: { 'cache-control': ARTICLE_CC }, body: 'public' } });
    const base = await serve(cache, next.handler);
    await get(`${base}/articles/a`, { cookie: 'theme=dark; __prerender_bypass=123' });
    expect(cache.stats().entries).toBe(0);
    await get(`${base}/articles/a`);
    await get(`${base}/articles/a`, { cookie: '__prerender_bypass=123' });
    await get(`${base}/articles/a`, { cookie: '__next_preview_data=x' });
    expect(next.calls).toHaveLength(4);
    // A signed-in reader's session cookie does not change a static page: it is served from memory.
    await get(`${base}/articles/a`, { cookie: 'authjs.session-token=abc' });
    expect(next.calls).toHaveLength(4);
  });

  it('keeps nothing private, personal, failed, stale or uncacheable', async () => {
    const cache = createResponseCache();
    const next = fakeNext({
      '/account': {
        headers: { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' },
        body: 'mine',
      },
      '/signin': { headers: { 'cache-control': ARTICLE_CC, 'set-cookie': 'csrf=1; Path=/' }, body: 'form' },
      '/gone': { status: 404, headers: { 'cache-control': ARTICLE_CC }, body: '404' },
      '/redirect': { status: 307, headers: { 'cache-control': ARTICLE_CC, location: '/' } },
      '/stale': { headers: { 'cache-control': ARTICLE_CC, 'x-nextjs-cache': 'STALE' }, body: 'old' },
      '/star': { headers: { 'cache-control': ARTICLE_CC, vary: '*' }, body: 'x' },
      '/plain': { body: 'no cache-control' },
    });
    const base = await serve(cache, next.handler);
    for (const path of ['/account', '/signin', '/gone', '/redirect', '/stale', '/star', '/plain']) {
      await get(`${base}${path}`);
      await get(`${base}${path}`);
    }
    expect(next.calls).toHaveLength(14);
    expect(cache.stats().entries).toBe(0);
  });

  it('passes writes, credentials, ranges and reloads straight to Next', async () => {
    const cache = createResponseCache();
    const next = fakeNext({ '/a': { headers: { 'cache-control': ARTICLE_CC }, body: 'page body' } });
    const base = await serve(cache, next.handler);
    await get(`${base}/a`);
    await get(`${base}/a`, {}, 'POST');
    await get(`${base}/a`, { authorization: 'Bearer x' });
    await get(`${base}/a`, { range: 'bytes=0-1' });
    await get(`${base}/a`, { 'cache-control': 'no-cache' });
    expect(next.calls).toEqual(['GET /a', 'POST /a', 'GET /a', 'GET /a', 'GET /a']);
  });

  it('keeps one copy per value of each header the answer varies on (RSC requests, compression)', async () => {
    const cache = createResponseCache();
    const next = fakeNext({
      '/a': (req) => ({
        headers: { 'cache-control': ARTICLE_CC, vary: `${RSC_VARY}, Accept-Encoding` },
        body: req.headers.rsc === '1' ? 'rsc payload' : '<html>page</html>',
        gzip: true,
      }),
    });
    const base = await serve(cache, next.handler);
    const html = await get(`${base}/a`, { 'accept-encoding': 'identity' });
    const rsc = await get(`${base}/a`, { rsc: '1', 'accept-encoding': 'identity' });
    const gz = await get(`${base}/a`, { 'accept-encoding': 'gzip' });
    expect([html.body, rsc.body, gz.body]).toEqual(['<html>page</html>', 'rsc payload', '<html>page</html>']);
    expect(next.calls).toHaveLength(3);
    const again = await Promise.all([
      get(`${base}/a`, { 'accept-encoding': 'identity' }),
      get(`${base}/a`, { rsc: '1', 'accept-encoding': 'identity' }),
      get(`${base}/a`, { 'accept-encoding': 'gzip' }),
    ]);
    expect(again.map((r) => r.body)).toEqual(['<html>page</html>', 'rsc payload', '<html>page</html>']);
    expect(again[2]!.headers.get('content-encoding')).toBe('gzip');
    expect(next.calls).toHaveLength(3);
  });

  it('keeps headers Next hands to writeHead, answers HEAD without a body and If-None-Match with 304', async () => {
    const cache = createResponseCache();
    const next = fakeNext({
      '/a': {
        viaWriteHead: true,
        headers: { 'cache-control': ARTICLE_CC, etag: '"v1"', 'x-nextjs-cache': 'HIT' },
        body: 'hello world',
      },
    });
    const base = await serve(cache, next.handler);
    await get(`${base}/a`);
    const head = await get(`${base}/a`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(head.headers.get('content-length')).toBe('11');
    const notModified = await get(`${base}/a`, { 'if-none-match': '"v1"' });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe('"v1"');
    expect(next.calls).toEqual(['GET /a']);
  });

  it('reads headers handed to writeHead as a flat list too', async () => {
    const cache = createResponseCache();
    const next = fakeNext({
      '/a': {
        viaWriteHead: 'pairs',
        headers: { 'cache-control': ARTICLE_CC, 'x-frame-options': 'DENY' },
        body: 'listed',
      },
    });
    const base = await serve(cache, next.handler);
    await get(`${base}/a`);
    const hit = await get(`${base}/a`);
    expect(hit.body).toBe('listed');
    expect(hit.headers.get('x-frame-options')).toBe('DENY');
    expect(next.calls).toHaveLength(1);
  });

  /** What one stored answer costs in this cache's accounting: everything it holds, not just the body. */
  async function entryCost(body: string): Promise<number> {
    const probe = createResponseCache();
    const base = await serve(probe, fakeNext({ '/a': { headers: { 'cache-control': ARTICLE_CC }, body } }).handler);
    await get(`${base}/a`);
    return probe.stats().bytes;
  }

  it('counts every byte an entry holds against the budget: body, address, headers and bookkeeping', async () => {
    const small = await entryCost('0123456789');
    const bigger = await entryCost('x'.repeat(1010));
    expect(bigger - small).toBe(1000);
    // Far more than the 10-byte body: the URL, the headers and the policy are paid for too.
    expect(small).toBeGreaterThan(ENTRY_OVERHEAD_BYTES + 10);
  });

  it('stays within its memory budget, dropping the least recently used pages first', async () => {
    const cost = await entryCost('aaaaaaaaaa');
    const cache = createResponseCache({ maxBytes: Math.floor(cost * 2.5), maxEntryBytes: 20 });
    const page = (body: string) => ({ headers: { 'cache-control': ARTICLE_CC }, body });
    const next = fakeNext({
      '/a': page('aaaaaaaaaa'),
      '/b': page('bbbbbbbbbb'),
      '/c': page('cccccccccc'),
      '/big': page('x'.repeat(21)),
    });
    const base = await serve(cache, next.handler);
    await get(`${base}/a`);
    await get(`${base}/b`);
    await get(`${base}/a`); // a is now the most recently used
    await get(`${base}/c`); // over budget: b goes
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: cost * 2 });
    await get(`${base}/big`);
    expect(cache.stats().entries).toBe(2);
    next.calls.length = 0;
    await get(`${base}/a`);
    await get(`${base}/c`);
    await get(`${base}/b`);
    expect(next.calls).toEqual(['GET /b']);
  });

  it('forgets the addresses of pages it dropped, so endless query strings cannot grow it', async () => {
    const cost = await entryCost('0123456789');
    const cache = createResponseCache({ maxBytes: Math.floor(cost * 2.5), maxEntryBytes: 20 });
    const next = fakeNext({});
    const base = await serve(cache, (req, res) => {
      // Any query string on a static page gets the same shareable answer, as Next gives it.
      res.setHeader('cache-control', ARTICLE_CC);
      res.end('0123456789');
      next.calls.push(String(req.url));
    });
    // Each asked twice: kept from the second ask (see the next test for the first).
    for (let i = 0; i < 50; i += 1) for (let ask = 0; ask < 2; ask += 1) await get(`${base}/a?utm=${i}`);
    expect(cache.stats()).toMatchObject({ stored: 50, entries: 2, urls: 2 });
    expect(cache.stats().bytes).toBeLessThanOrEqual(Math.floor(cost * 2.5));
  });

  it('keeps an address with a query of its own from its second ask: a flood of one-off searches evicts nothing', async () => {
    const cost = await entryCost('0123456789');
    const cache = createResponseCache({ maxBytes: Math.floor(cost * 2.5), maxEntryBytes: 20 });
    const calls: string[] = [];
    const base = await serve(cache, (req, res) => {
      calls.push(String(req.url));
      res.setHeader('cache-control', ARTICLE_CC);
      res.end('0123456789');
    });
    await get(`${base}/popular`);
    await get(`${base}/other`);
    for (let i = 0; i < 200; i += 1) await get(`${base}/search?q=${i}`);
    expect(cache.stats()).toMatchObject({ stored: 2, firstAsks: 200, entries: 2 });
    calls.length = 0;
    await get(`${base}/popular`);
    await get(`${base}/other`);
    expect(calls, 'the pages kept before the flood were pushed out by it').toEqual([]);

    // A query asked again is kept, and answered from memory after that.
    for (let ask = 0; ask < 3; ask += 1) await get(`${base}/search?q=${encodeURIComponent('城市')}`);
    expect(calls).toEqual(['/search?q=%E5%9F%8E%E5%B8%82', '/search?q=%E5%9F%8E%E5%B8%82']);
    // The router's payload marker is not a query of its own: such answers are kept at once.
    await get(`${base}/popular?_rsc=1x2y3`);
    await get(`${base}/popular?_rsc=1x2y3`);
    expect(calls.filter((c) => c.includes('_rsc'))).toEqual(['/popular?_rsc=1x2y3']);
  });

  it('tells a query of its own from the router marker', () => {
    expect(['/a?q=1', '/search?q=&page=2', '/a?_rsc=1&utm=x', '/a?_rscx=1'].map(hasOwnQuery)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['/a', '/a?', '/a?_rsc', '/a?_rsc=abc', '/a?&_rsc='].map(hasOwnQuery)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keys an answer on the request as it arrived, not as Next rewrote it (RSC payloads never reach a page request)', async () => {
    const cache = createResponseCache();
    const base = await serve(cache, (req, res) => {
      // What Next does to an RSC request: `?_rsc` becomes `?_rsc=`, and the rsc header is removed.
      const rsc = req.headers.rsc === '1';
      delete req.headers.rsc;
      req.url = String(req.url).replace(/_rsc(?!=)/, '_rsc=');
      res.setHeader('cache-control', ARTICLE_CC);
      res.setHeader('vary', RSC_VARY);
      res.setHeader('content-type', rsc ? 'text/x-component' : 'text/html; charset=utf-8');
      res.end(rsc ? '0:rsc payload' : '<html>page</html>');
    });
    await get(`${base}/?_rsc`, { rsc: '1' });
    const page = await get(`${base}/?_rsc=`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toBe('<html>page</html>');
    const again = await get(`${base}/?_rsc`, { rsc: '1' });
    expect(again.body).toBe('0:rsc payload');
  });

  it('keeps an answer no longer than its shared lifetime: s-maxage for pages, a year for immutable files', async () => {
    let clock = 0;
    const cache = createResponseCache({ now: () => clock });
    const next = fakeNext({
      '/page': { headers: { 'cache-control': ARTICLE_CC }, body: 'page' },
      '/file.js': { headers: { 'cache-control': 'public, max-age=31536000, immutable' }, body: 'js' },
      '/zero': { headers: { 'cache-control': 's-maxage=0' }, body: 'zero' },
    });
    const base = await serve(cache, next.handler);
    for (const p of ['/page', '/file.js', '/zero', '/page', '/file.js', '/zero']) await get(`${base}${p}`);
    expect(next.calls).toEqual(['GET /page', 'GET /file.js', 'GET /zero', 'GET /zero']);
    clock += 601_000;
    await get(`${base}/page`);
    await get(`${base}/file.js`);
    expect(next.calls.slice(4)).toEqual(['GET /page']);
  });
});

describe('what a shared cache may keep', () => {
  it('lets only plain reads through, never Draft Mode', () => {
    const req = (method: string, headers: Record<string, string> = {}) =>
      ({ method, headers }) as unknown as http.IncomingMessage;
    expect(mayUseCache(req('GET'))).toBe(true);
    expect(mayUseCache(req('HEAD'))).toBe(true);
    expect(mayUseCache(req('POST'))).toBe(false);
    expect(mayUseCache(req('GET', { cookie: '__prerender_bypass=1' }))).toBe(false);
    expect(mayUseCache(req('GET', { pragma: 'no-cache' }))).toBe(false);
  });
});
