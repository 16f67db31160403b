import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, refuseRequest, trustedProxyHops } from './front-door.mjs';
import { createHandler } from './serve.mjs';

const servers: http.Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The production handler around a stand-in for Next that says which client it saw. */
async function serve(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-front-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'public'));
  fs.writeFileSync(path.join(dir, 'public', 'photo.jpg'), Buffer.alloc(1000, 1));
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  const handler = createHandler({
    dir,
    distDir: '.next',
    cacheBytes: 0,
    env,
    next: (req, res) => {
      seen.push({ url: String(req.url), headers: { ...req.headers } });
      res.end('from next');
    },
  });
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function send(
  base: string,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const { port } = new URL(base);
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: target, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.chunked) {
      req.write(options.body ?? '');
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

describe('the front door: 4xx where Next would answer 500', () => {
  it('answers a malformed percent-escape with 400 and a zh-CN page carrying the security headers', async () => {
    const { base, seen } = await serve();
    for (const target of ['/articles/%FF', '/archive/%FF', '/categories/%E4%B8']) {
      const res = await send(base, target);
      expect(res.status, target).toBe(400);
      expect(res.body).toContain('请求地址无效');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(seen).toHaveLength(0);
  });

  it('answers OPTIONS * with 405 and an absolute-form target with 400', async () => {
    const { base } = await serve();
    const star = await send(base, '*', { method: 'OPTIONS' });
    expect(star.status).toBe(405);
    expect(star.headers.allow).toBe('GET, HEAD, POST');
    expect((await send(base, 'http://elsewhere.example/', { method: 'GET' })).status).toBe(400);
  });

  it('refuses a post from another site (403), an oversized body (413) and a body of unknown length (411)', async () => {
    const { base, seen } = await serve();
    const foreign = await send(base, '/signin', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'next-action': 'abc' },
      body: '[]',
    });
    expect(foreign.status).toBe(403);
    const nullOrigin = await send(base, '/account', { method: 'POST', headers: { origin: 'null' }, body: 'x=1' });
    expect(nullOrigin.status).toBe(403);
    const big = await send(base, '/signin', {
      method: 'POST',
      headers: { origin: base },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    const chunked = await send(base, '/signin', {
      method: 'POST',
      headers: { origin: base },
      body: 'a=1',
      chunked: true,
    });
    expect(chunked.status).toBe(411);
    // The same post from this site, and next-auth's own callbacks, go through.
    expect((await send(base, '/signin', { method: 'POST', headers: { origin: base }, body: '[]' })).status).toBe(200);
    expect(
      (
        await send(base, '/api/auth/callback/oidc', {
          method: 'POST',
          headers: { origin: 'https://id.example' },
          body: 'code=1',
        })
      ).status,
    ).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['/signin', '/api/auth/callback/oidc']);
  });

  it('answers an unsatisfiable range on a static file with 416, and ignores a malformed one', async () => {
    const { base } = await serve();
    const res = await send(base, '/photo.jpg', { headers: { range: 'bytes=99999-' } });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
    const malformed = await send(base, '/photo.jpg', { headers: { range: 'bytes=abc' } });
    expect(malformed.status).toBe(200);
  });
});

describe('the front door: who the client is', () => {
  it('ignores a client-written X-Forwarded-For unless TRUST_PROXY says proxies are in front', async () => {
    const direct = await serve();
    await send(direct.base, '/', {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', 'x-forwarded-host': 'evil.example' },
    });
    expect(direct.seen[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(direct.seen[0]!.headers['x-real-ip']).toBeUndefined();
    expect(direct.seen[0]!.headers['x-forwarded-host']).toBeUndefined();

    const proxied = await serve({ TRUST_PROXY: '1' });
    await send(proxied.base, '/', {
      headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.7', 'x-forwarded-host': 'hutong.example' },
    });
    expect(proxied.seen[0]!.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(proxied.seen[0]!.headers['x-forwarded-host']).toBe('hutong.example');
  });

  it('reads the address a trusted proxy saw, never one the client wrote further left', () => {
    expect(clientAddress('1.1.1.1, 2.2.2.2', '10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientAddress('1.1.1.1, 2.2.2.2', '10.0.0.1', 1)).toBe('2.2.2.2');
    expect(clientAddress('1.1.1.1, 2.2.2.2', '10.0.0.1', 2)).toBe('1.1.1.1');
    expect(clientAddress('2.2.2.2', '10.0.0.1', 5)).toBe('2.2.2.2');
    expect(clientAddress(undefined, '::ffff:10.0.0.1', 1)).toBe('10.0.0.1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('reads TRUST_PROXY as a number of proxies and names it when it is not one', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: 'true' })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: '2' })).toBe(2);
    expect(() => trustedProxyHops({ TRUST_PROXY: 'loopback' })).toThrow(/TRUST_PROXY.*"loopback"/);
  });

  it('lets ordinary requests through untouched', () => {
    expect(refuseRequest({ method: 'GET', url: '/articles/%E8%83%A1%E5%90%8C', headers: {} })).toBeNull();
    expect(refuseRequest({ method: 'POST', url: '/api/bookmarks', headers: { 'content-length': '30' } })).toBeNull();
  });
});
