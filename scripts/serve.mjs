// The production server `npm start` runs: Next's request handler behind the in-memory response cache
// (scripts/response-cache.mjs), on one HTTP server. Without the cache (RESPONSE_CACHE_MB=0) or with
// `next start` options it does not know, scripts/start.mjs runs plain `next start` instead.
// Plain JavaScript so it runs before anything is compiled.
import http from 'node:http';
import { createRequire } from 'node:module';
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
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`RESPONSE_CACHE_MB must be a number of megabytes ≥ 0 (0 turns the cache off), got "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

/**
 * Port and host from `npm start -- …` arguments and the environment, as `next start` reads them;
 * null when an argument is one only `next start` understands (the caller then runs it instead).
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, hostname: string | undefined } | null}
 */
export function listenOptions(args, env) {
  let port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  let hostname = env.HOSTNAME?.trim() || undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '-p' || flag === '--port') port = Number(value());
    else if (flag === '-H' || flag === '--hostname') hostname = value();
    else return null;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { port, hostname };
}

/**
 * Starts Next (production build in `dir`) behind the response cache.
 * @param {{ dir: string, port: number, hostname?: string, cacheBytes: number }} options
 * @returns {Promise<http.Server>}
 */
export async function serveNext({ dir, port, hostname, cacheBytes }) {
  const next = require('next');
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = createResponseCache({ maxBytes: cacheBytes });
  /** @param {unknown} error @param {http.ServerResponse} res */
  const failed = (error, res) => {
    console.error('[start] request failed:', error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  };
  const server = http.createServer((req, res) => {
    try {
      Promise.resolve(cache.handle(req, res, handle)).catch((error) => failed(error, res));
    } catch (error) {
      failed(error, res);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? `http://${hostname ?? 'localhost'}:${address.port}` : String(address);
  console.log(`[start] Ready on ${shown} (pages Next marks cacheable are kept in memory, up to ${Math.round(cacheBytes / 1024 / 1024)} MB; RESPONSE_CACHE_MB=0 turns that off)`);

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
