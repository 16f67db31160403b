// The production server `npm start` runs: one HTTP server in one process, with Next's request handler
// behind
// 1. the front door (server/front-door.mjs): requests Next would answer with a 500 get their 4xx here,
//    and the client's address is settled from the socket (or TRUST_PROXY's proxies) before Next reads it;
// 2. the security headers, set on every answer, including the ones Next fails before its header rules;
// 3. the in-memory response cache (server/response-cache.mjs), unless RESPONSE_CACHE_MB=0;
// 4. the publication clock (server/publication-clock.mjs): at each scheduled article's time it has the
//    cached pages renewed, and no answer may be kept by any cache past that time (cache-lifetime.mjs).
// Plain JavaScript so it runs before anything is compiled.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import parseRange from 'range-parser';
import { contentFolder, siteIndexFile } from '../lib/content/index-path.mjs';
import { securityHeaders } from '../lib/site/security-headers.mjs';
import { refusalPage, refuseRequest, settleForwardedHeaders, trustedProxyHops } from './front-door.mjs';
import { capCacheControl } from './cache-lifetime.mjs';
import { installedCodeCache } from './code-cache.mjs';
import { createPublicationClock } from './publication-clock.mjs';
import { scheduleCheck } from './schedule-check.mjs';
import { createResponseCache } from './response-cache.mjs';
import bundle from './bundle.cjs';
import { createSearchAnswerer, DEFAULT_THREADS } from './search-answer.mjs';
import { createSearchInclude, isSearchDocument } from './search-include.mjs';

const require = createRequire(import.meta.url);

const DEFAULT_CACHE_MB = 64;

/**
 * The cache budget in bytes from RESPONSE_CACHE_MB (default 64; 0 turns the cache off).
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function responseCacheBytes(env) {
  const raw = env.RESPONSE_CACHE_MB?.trim();
  if (!raw) return DEFAULT_CACHE_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0)
    throw new Error(`RESPONSE_CACHE_MB must be a number of megabytes ≥ 0 (0 turns the cache off), got "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

/**
 * How many threads may search for result pages at once, from SEARCH_THREADS (default: one per core, up to
 * 4; 0: none, Next answers every search as before). Each holds ~95–120 MiB (jieba's dictionary, a V8
 * heap, the documents it read lately); a second starts only while the first is busy.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function searchThreads(env) {
  const raw = env.SEARCH_THREADS?.trim();
  if (!raw) return DEFAULT_THREADS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 16)
    throw new Error(`SEARCH_THREADS must be a whole number from 0 to 16 (0: Next answers every search), got "${raw}"`);
  return n;
}

/**
 * Port and host from `npm start -- …` arguments and the environment, as `next start` reads them.
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, hostname: string | undefined }}
 */
export function listenOptions(args, env) {
  let port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  let hostname = env.HOSTNAME?.trim() || undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '-p' || flag === '--port') port = Number(value());
    else if (flag === '-H' || flag === '--hostname') hostname = value();
    else
      throw new Error(
        `npm start: unknown option "${arg}" (it takes -p/--port <port> and -H/--hostname <host>; everything else is an environment variable, see README)`,
      );
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`npm start: the port must be a whole number from 0 to 65535, got "${port}"`);
  return { port, hostname };
}

/**
 * The file a static request names, when it is one Next serves from disk (its build's static folder or
 * public/); null for pages and anything outside those folders.
 * @param {string} dir project folder
 * @param {string} distDir
 * @param {string} pathname still percent-encoded
 */
function staticFile(dir, distDir, pathname) {
  const decoded = decodeURIComponent(pathname);
  const [root, rest] = decoded.startsWith('/_next/static/')
    ? [path.join(dir, distDir, 'static'), decoded.slice('/_next/static/'.length)]
    : [path.join(dir, 'public'), decoded.slice(1)];
  const file = path.resolve(root, rest);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * A Range header Next's static file server would choke on: unsatisfiable ranges get 416 here (Next answers
 * 500); malformed ones are dropped, so the whole file is sent, as RFC 9110 allows.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} dir
 * @param {string} distDir
 * @returns {{ status: 416, size: number } | null}
 */
function checkRange(req, dir, distDir) {
  const range = req.headers.range;
  if (!range || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
  const file = staticFile(dir, distDir, (req.url ?? '/').split('?', 1)[0] ?? '/');
  let size;
  try {
    size = file ? fs.statSync(file).size : null;
  } catch {
    size = null;
  }
  if (size === null) return null;
  const parsed = parseRange(size, range, { combine: true });
  if (parsed === -1) return { status: 416, size };
  if (parsed === -2) delete req.headers.range;
  return null;
}

/**
 * Has every Cache-Control header the response gets limited to `limit()` seconds (null: no limit), at
 * the moment it is set: so neither the response cache nor a CDN keeps the answer past the next
 * scheduled publication.
 * @param {import('node:http').ServerResponse} res
 * @param {() => number | null} limit
 */
export function limitCacheLifetime(res, limit) {
  const { setHeader, writeHead } = res;
  /** @param {unknown} value */
  const capped = (value) =>
    capCacheControl(Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value), limit());
  res.setHeader = /** @type {typeof res.setHeader} */ (
    function (/** @type {string} */ name, /** @type {any} */ value) {
      return setHeader.call(this, name, name.toLowerCase() === 'cache-control' ? capped(value) : value);
    }
  );
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      const current = res.getHeader('cache-control');
      if (current !== undefined) setHeader.call(this, 'cache-control', /** @type {string} */ (capped(current)));
      const args = rest.map((r) => {
        if (Array.isArray(r)) {
          if (r.every(Array.isArray))
            return r.map(([n, v]) => [n, String(n).toLowerCase() === 'cache-control' ? capped(v) : v]);
          return r.map((v, i) => (i % 2 === 1 && String(r[i - 1]).toLowerCase() === 'cache-control' ? capped(v) : v));
        }
        if (r && typeof r === 'object')
          return Object.fromEntries(
            Object.entries(r).map(([n, v]) => [n, n.toLowerCase() === 'cache-control' ? capped(v) : v]),
          );
        return r;
      });
      return writeHead.call(this, status, ...args);
    }
  );
}

/**
 * The request handler: front door, security headers, cache, Next.
 * @param {{ dir: string, distDir: string, next: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown, cacheBytes: number, env: Record<string, string | undefined>, cacheLimit?: () => number | null, searchInclude?: ReturnType<typeof createSearchInclude> | null }} options
 */
export function createHandler({
  dir,
  distDir,
  next: nextHandler,
  cacheBytes,
  env,
  cacheLimit = () => null,
  searchInclude = null,
}) {
  // Installed after the cache starts recording, so the copy it keeps carries the limited lifetime.
  const next = (
    /** @type {import('node:http').IncomingMessage} */ req,
    /** @type {import('node:http').ServerResponse} */ res,
  ) => {
    limitCacheLifetime(res, cacheLimit);
    if (searchInclude && isSearchDocument(req))
      return searchInclude.handle(req, res).then((answered) => (answered ? undefined : nextHandler(req, res)));
    return nextHandler(req, res);
  };
  const hops = trustedProxyHops(env);
  const headers = securityHeaders(env, { dev: false });
  const cache = cacheBytes > 0 ? createResponseCache({ maxBytes: cacheBytes }) : null;
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {string} body @param {Record<string, string>} [extra] */
  const answer = (res, status, body, extra = {}) => {
    res.statusCode = status;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    res.end(body);
  };
  /** @param {unknown} error @param {import('node:http').ServerResponse} res */
  const failed = (error, res) => {
    console.error('[start] request failed:', error);
    if (res.headersSent) res.end();
    else answer(res, 500, refusalPage({ status: 500, title: '服务器出错了', detail: '请稍后再试。' }));
  };
  /** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) & { cache: typeof cache }} */
  const handler = Object.assign(
    (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
      try {
        for (const { key, value } of headers) res.setHeader(key, value);
        settleForwardedHeaders(req, hops);
        const refusal = refuseRequest(req);
        if (refusal) {
          // A body left unread would be taken for the next request on this connection: close it instead.
          const unread = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
          answer(res, refusal.status, refusalPage(refusal), {
            ...refusal.headers,
            ...(unread ? { connection: 'close' } : {}),
          });
          return;
        }
        const range = checkRange(req, dir, distDir);
        if (range) {
          answer(res, 416, '', { 'content-range': `bytes */${range.size}` });
          return;
        }
        const result = cache ? cache.handle(req, res, next) : next(req, res);
        Promise.resolve(result).catch((error) => failed(error, res));
      } catch (error) {
        failed(error, res);
      }
    },
    { cache },
  );
  return handler;
}

/**
 * Starts Next (production build in `dir`) behind the front door and, when cacheBytes > 0, the response cache.
 * @param {{ dir: string, port: number, hostname?: string, cacheBytes: number, searchThreads?: number }} options
 * @returns {Promise<http.Server>}
 */
export async function serveNext({ dir, port, hostname, cacheBytes, searchThreads = DEFAULT_THREADS }) {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  // The publication clock's pass to /api/revalidate, made here, known to this process only.
  process.env.HUTONG_WAKE_SECRET = crypto.randomBytes(32).toString('base64url');
  /** @type {ReturnType<typeof createPublicationClock> | null} */
  let clock = null;
  // It listens at once, as `next start` does: a reader who connects while Next prepares waits for the
  // answer rather than finding the port closed. Until Next is ready and the clock's first look has
  // renewed what a publication made while no server ran left stale, requests wait; the clock's own
  // request goes through.
  const wake = `Bearer ${process.env.HUTONG_WAKE_SECRET}`;
  /** @type {Array<() => void> | null} null once open */
  let waiting = [];
  /** @type {ReturnType<typeof createHandler> | null} */
  let handler = null;
  const server = http.createServer((req, res) => {
    if (handler && (waiting === null || req.headers.authorization === wake)) handler(req, res);
    else waiting?.push(() => handler?.(req, res));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  const next = require('next');
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  // `project` named: run from the server's bundle, bundle.cjs's own idea of the project (its folder's
  // parent) would be the bundle's folder.
  const searchAnswerer =
    searchThreads > 0
      ? createSearchAnswerer({
          file: bundle.bundleFile(dir, distDir, 'search-answer.cjs'),
          project: path.resolve(dir),
          threads: searchThreads,
        })
      : null;
  const searchInclude = createSearchInclude({
    fetchLocal: (p) => fetchLocal(server, p),
    answerLocal: searchAnswerer?.answer,
  });
  handler = createHandler({
    dir,
    distDir,
    next: app.getRequestHandler(),
    cacheBytes,
    env: process.env,
    cacheLimit: () => (clock ? clock.limit() : 0),
    searchInclude,
  });
  const address = server.address();
  const shown =
    typeof address === 'object' && address ? `http://${hostname ?? 'localhost'}:${address.port}` : String(address);
  const cacheNote =
    cacheBytes > 0
      ? `pages Next marks cacheable are kept in memory, up to ${Math.round(cacheBytes / 1024 / 1024)} MB; RESPONSE_CACHE_MB=0 turns that off`
      : 'no response cache (RESPONSE_CACHE_MB=0)';
  const hops = trustedProxyHops(process.env);
  const proxyNote =
    hops > 0
      ? `client addresses from X-Forwarded-For behind ${hops} trusted prox${hops === 1 ? 'y' : 'ies'}`
      : 'client addresses from the socket (TRUST_PROXY unset)';
  const indexFile = path.join(dir, siteIndexFile(distDir));
  clock = createPublicationClock({
    check: scheduleCheck({
      indexFile,
      contentDir: contentFolder(),
      secret: /** @type {string} */ (process.env.HUTONG_WAKE_SECRET),
      fetchLocal: (pathname, options) => fetchLocal(server, pathname, options),
    }),
    onPublished: () => {
      handler?.cache?.clear();
      searchInclude.clear();
    },
    markerFile: path.join(dir, distDir, 'cache', 'hutong', 'published-through'),
    // Before any publication was handled: articles whose time passed after the build's index step
    // may be missing from pages the build prerendered.
    initialSince: () => {
      try {
        return fs.statSync(indexFile).mtimeMs;
      } catch {
        return null;
      }
    },
  });
  await clock.start();
  const held = waiting;
  waiting = null;
  for (const run of held) run();
  const code = installedCodeCache();
  const codeNote =
    code?.mode === 'hook'
      ? `${code.stats.hits} modules compiled from the build's code cache so far` +
        (code.resolutions ? `, ${code.resolutions.hits} require() calls resolved from its record` : '')
      : null;
  // Run from the build's bundle (server/bundle.cjs), this module's URL is the bundle's.
  const bundleNote = import.meta.url.endsWith('.cjs') ? "server code from the build's bundle" : null;
  console.log(`[start] Ready on ${shown} (${[cacheNote, proxyNote, codeNote, bundleNote].filter(Boolean).join('; ')})`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    clock?.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running get a moment to finish, as `next start` allows them.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

const loopback = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * GETs one of this server's own addresses over loopback, uncompressed and without anyone's cookies.
 * @param {http.Server} server
 * @param {string} pathname
 * @param {{ headers?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<import('./search-include.mjs').LocalAnswer>}
 */
export function fetchLocal(server, pathname, { headers = {}, timeoutMs = 10_000 } = {}) {
  const address = server.address();
  if (!address || typeof address !== 'object') return Promise.reject(new Error('the server is not listening'));
  const host = address.address === '::' || address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host,
        port: address.port,
        path: pathname,
        agent: loopback,
        headers: { host: `localhost:${address.port}`, 'accept-encoding': 'identity', ...headers },
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${pathname} did not answer in ${timeoutMs / 1000} s`)));
    req.on('error', reject);
  });
}
