// The production server `npm start` runs: one HTTP server in one process, with Next's request handler
// behind
// 1. the front door (server/front-door.mjs): requests Next would answer with a 500 get their 4xx here,
//    and the client's address is settled from the socket (or TRUST_PROXY's proxies) before Next reads it;
// 2. the security headers, set on every answer, including the ones Next fails before its header rules;
// 3. the in-memory response cache (server/response-cache.mjs), unless RESPONSE_CACHE_MB=0.
// Plain JavaScript so it runs before anything is compiled.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import parseRange from 'range-parser';
import { securityHeaders } from '../lib/site/security-headers.mjs';
import { refusalPage, refuseRequest, settleForwardedHeaders, trustedProxyHops } from './front-door.mjs';
import { createResponseCache } from './response-cache.mjs';

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
 * The request handler: front door, security headers, cache, Next.
 * @param {{ dir: string, distDir: string, next: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown, cacheBytes: number, env: Record<string, string | undefined> }} options
 */
export function createHandler({ dir, distDir, next, cacheBytes, env }) {
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
 * @param {{ dir: string, port: number, hostname?: string, cacheBytes: number }} options
 * @returns {Promise<http.Server>}
 */
export async function serveNext({ dir, port, hostname, cacheBytes }) {
  const next = require('next');
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handler = createHandler({
    dir,
    distDir: process.env.NEXT_DIST_DIR || '.next',
    next: app.getRequestHandler(),
    cacheBytes,
    env: process.env,
  });
  const server = http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
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
  console.log(`[start] Ready on ${shown} (${cacheNote}; ${proxyNote})`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running get a moment to finish, as `next start` allows them.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
