// A flood of distinct URLs must leave the response cache's memory flat: the whole heap, measured after a
// full collection, grows by no more than the budget plus a fixed allowance, however many URLs arrive.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The headers Next sends with a small file under /_next/static (a build manifest), security headers included. */
const STATIC_HEADERS: Record<string, string> = {
  'cache-control': 'public, max-age=31536000, immutable',
  'content-type': 'application/javascript; charset=UTF-8',
  'accept-ranges': 'bytes',
  'last-modified': 'Thu, 03 Dec 2026 10:00:00 GMT',
  etag: 'W/"db-19ae3f0c1a8"',
  vary: 'Accept-Encoding',
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' https: http: data: blob:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
const BODY = Buffer.from('self.__BUILD_MANIFEST=' + 'x'.repeat(197));

/** Just enough of Node's request and response for the cache and a handler that answers like Next. */
function exchange(url: string) {
  const req = {
    method: 'GET',
    url,
    headers: { host: 'hutong.test', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'flood/1.0' },
  };
  const res = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const headers: Record<string, unknown> = {};
  Object.assign(res, {
    statusCode: 200,
    headersSent: false,
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
    getHeaders: () => ({ ...headers }),
    writeHead: (status: number) => void (res.statusCode = status),
    write: () => true,
    end: () => {
      res.headersSent = true;
      res.emit('finish');
    },
  });
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse };
}

function next(_req: IncomingMessage, res: ServerResponse) {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
  res.end(BODY);
}

function heapUsed(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

describe('response cache under a flood of distinct URLs', () => {
  it('keeps the heap within its budget plus a fixed allowance after 100,000 query strings', () => {
    const budget = 8 * 1024 * 1024;
    const cache = createResponseCache({ maxBytes: budget });
    const before = heapUsed();
    for (let i = 0; i < 100_000; i++) {
      // Each asked twice: an address with a query is kept from its second ask (the test below: the first).
      for (let ask = 0; ask < 2; ask++) {
        const { req, res } = exchange(`/_next/static/abc123/_buildManifest.js?flood=${i}-${'q'.repeat(i % 40)}`);
        cache.handle(req, res, next);
      }
    }
    const grown = heapUsed() - before;
    const stats = cache.stats();
    console.log(
      `flood: 100,000 URLs → ${stats.urls} kept, accounted ${(stats.bytes / 1048576).toFixed(1)} MiB, heap grew ${(grown / 1048576).toFixed(1)} MiB (budget 8 MiB)`,
    );
    expect(stats.stored).toBe(100_000);
    expect(stats.bytes).toBeLessThanOrEqual(budget);
    // The accounting is honest: what the heap really holds stays within the budget plus a small allowance.
    expect(grown).toBeLessThan(budget + 4 * 1024 * 1024);
    expect(stats.urls).toBeLessThan(100_000 / 10);
  });

  it('keeps nothing of 100,000 one-off query strings but a number each for the most recent 65,536', () => {
    const budget = 8 * 1024 * 1024;
    const cache = createResponseCache({ maxBytes: budget });
    const before = heapUsed();
    for (let i = 0; i < 100_000; i++) {
      const { req, res } = exchange(`/search?q=${i}-${'q'.repeat(i % 40)}`);
      cache.handle(req, res, next);
    }
    const grown = heapUsed() - before;
    console.log(`flood of first asks: heap grew ${(grown / 1048576).toFixed(1)} MiB`);
    expect(cache.stats()).toMatchObject({ stored: 0, firstAsks: 100_000, urls: 0 });
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
