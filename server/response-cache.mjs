// A small in-memory cache in front of Next's request handler for `npm start`, doing what a CDN does in
// front of `next start` on Vercel: answer repeat requests for pages Next itself marks as shared and
// cacheable (`Cache-Control: s-maxage=…`) from memory, for as long as Next allows, without running the
// router, the page handler and the header rules again. A prerendered article is the same bytes for every
// reader, and Next spends most of a cached request's time on that bookkeeping, not on the page.
//
// The two hard parts are libraries: `http-cache-semantics` decides what a shared cache may store, for how
// long, and which stored variant answers a request (Vary, freshness, no-cache requests); `lru-cache`
// keeps the entries within a byte budget that counts *everything* an entry holds — body, URL, headers and
// a fixed allowance for the objects around them — so a flood of distinct URLs (each a few hundred bytes
// of body but kilobytes of bookkeeping) evicts old entries instead of growing the heap.
//
// On top of what a shared cache may keep, it keeps only status 200, no Set-Cookie, and not a stale copy
// Next is revalidating; it never answers requests in Draft Mode (the preview cookies), with credentials
// in an Authorization header, or for a byte range. Entries are keyed by the request *as it arrived*:
// Next rewrites the URL and deletes its RSC headers while it handles a request, so the key and the
// request the policy judges are taken before Next sees it.
//
// An address with a query of its own (a search, a tracking parameter) is kept only from its second ask:
// most are asked once (every search is a new one), and copying and storing each answer cost as much
// main-thread time as a tenth of rendering it, and pushed popular pages out of the budget.
// Plain JavaScript: server/start.mjs runs before anything is compiled.
import CachePolicy from 'http-cache-semantics';
import { LRUCache } from 'lru-cache';

/** Cookies that put a request in Draft Mode: such a request must reach Next and never share an answer. */
const BYPASS_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;

/** Headers a stored answer does not replay: they describe one connection or one transfer, not the page. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
  'age',
  'upgrade',
  'proxy-connection',
]);

/**
 * What an entry costs beyond its strings and body: the entry and policy objects, their hidden classes'
 * slots, the LRU's index arrays. Measured on Node 20 by filling the cache with tiny entries (see the
 * flood test in response-cache.test.ts); rounded up.
 */
export const ENTRY_OVERHEAD_BYTES = 1536;

/** URLs longer than this are not worth a slot: no page of this site has one, floods do. */
const MAX_KEY_LENGTH = 2048;

/** Variants kept per URL (encodings × RSC request kinds); more is someone cycling header values. */
const MAX_VARIANTS = 8;

/** Addresses with a query remembered as asked once (as numbers: ~100 bytes each in the LRU). */
const SEEN_QUERIES = 65_536;

/**
 * Whether the URL carries a query of its own; the router's `_rsc` marker alone does not count (it
 * names the kind of payload a client navigation asks for, not a different page).
 * @param {string} url
 */
export function hasOwnQuery(url) {
  const at = url.indexOf('?');
  if (at === -1) return false;
  return url
    .slice(at + 1)
    .split('&')
    .some((part) => part !== '' && part !== '_rsc' && !part.startsWith('_rsc='));
}

/**
 * A number for a URL (FNV-1a over its UTF-16 units, with its length): two addresses rarely share one,
 * and when they do, one of them is only kept an ask early.
 * @param {string} url
 */
function addressNumber(url) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return hash * 4096 + (url.length & 4095);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {boolean}
 */
export function mayUseCache(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const h = req.headers;
  if (h.authorization || h.range) return false;
  if (h.cookie && BYPASS_COOKIE.test(h.cookie)) return false;
  const asks = `${h['cache-control'] ?? ''},${h.pragma ?? ''}`;
  return !/no-cache|no-store/i.test(asks);
}

/** @param {string | string[] | number | undefined} value */
export function headerText(value) {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
}

/**
 * The request as the cache judges it: method, URL and only the headers a stored answer may depend on,
 * copied when the request arrives.
 * @typedef {{ method: string, url: string, headers: Record<string, string> }} CacheRequest
 * @param {import('node:http').IncomingMessage} req
 * @returns {CacheRequest}
 */
export function snapshotRequest(req) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    // Cookies never select a shared answer (the session cookie does not change a static page).
    if (value !== undefined && name !== 'cookie') headers[name] = headerText(value);
  }
  return { method: req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'), url: req.url ?? '/', headers };
}

/**
 * Whether a shared cache may keep this answer, and the policy that says for how long and for which
 * requests: status 200 only; no Set-Cookie; not a stale copy Next is serving while it renders a new
 * one; and nothing http-cache-semantics says a shared cache must not store (private, no-store, no
 * lifetime, Vary: *). The policy keeps only the request headers it needs (Host and those named in Vary).
 * @param {typeof CachePolicy} Policy
 * @param {CacheRequest} request
 * @param {number} status
 * @param {Record<string, string>} headers lower-case names
 * @returns {{ policy: CachePolicy, request: CacheRequest } | null}
 */
export function sharedPolicy(Policy, request, status, headers) {
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  if (String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return null;
  const varied = (headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (varied.includes('*')) return null;
  /** @type {Record<string, string>} */
  const kept = { host: request.headers.host ?? '' };
  for (const name of varied) if (request.headers[name] !== undefined) kept[name] = request.headers[name];
  const trimmed = { method: request.method, url: request.url, headers: kept };
  const policy = new Policy(trimmed, { status, headers }, { shared: true, cacheHeuristic: 0 });
  return policy.storable() && policy.maxAge() > 0 ? { policy, request: trimmed } : null;
}

/**
 * @typedef {{ policy: CachePolicy, request: CacheRequest, status: number, headers: [string, string][], body: Buffer, etag: string | null, size: number }} Variant
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler
 */

/** @param {string} s */
const stringBytes = (s) => s.length * 2;

/** @param {Variant[]} variants */
const variantsSize = (variants) => variants.reduce((sum, v) => sum + v.size, 0);

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number, now?: () => number }} [options]
 */
export function createResponseCache(options = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = Math.min(options.maxEntryBytes ?? 2 * 1024 * 1024, maxBytes);
  const now = options.now ?? Date.now;
  /** http-cache-semantics reads the time through now(); tests move it. */
  class Policy extends CachePolicy {
    now() {
      return now();
    }
  }
  /** URL as it arrived → the answers stored for it, one per combination of the headers they vary on. */
  const entries = new LRUCache(
    /** @type {import('lru-cache').LRUCache.Options<string, Variant[], unknown>} */ ({
      maxSize: maxBytes,
      maxEntrySize: maxBytes,
      sizeCalculation: (variants, url) => stringBytes(url) + variantsSize(variants),
    }),
  );
  const stats = { hits: 0, misses: 0, stored: 0, bypassed: 0, firstAsks: 0 };
  /**
   * Addresses with a query of their own asked once so far (see the head of this file). Made on the first
   * such address: its index arrays for SEEN_QUERIES entries take ~8 ms to allocate, which a fresh
   * server's first answer (an article, no query) need not wait for.
   * @type {LRUCache<number, true, unknown> | null}
   */
  let seenQueries = null;
  /** @param {string} url whether it is asked for the first time (and remember it) */
  const firstAsk = (url) => {
    if (!hasOwnQuery(url)) return false;
    const seen = (seenQueries ??= new LRUCache({ max: SEEN_QUERIES }));
    const key = addressNumber(url);
    if (seen.has(key)) return false;
    seen.set(key, true);
    return true;
  };
  /** Bumped by clear(): an answer that was being written when the cache was emptied is not kept. */
  let generation = 0;

  /** @param {CacheRequest} request */
  const lookup = (request) => {
    const variants = entries.get(request.url);
    if (!variants) return undefined;
    const live = variants.filter((v) => !v.policy.stale());
    if (live.length < variants.length) {
      if (live.length === 0) entries.delete(request.url);
      else entries.set(request.url, live);
    }
    return live.find((v) => v.policy.satisfiesWithoutRevalidation(request));
  };

  /** @param {CacheRequest} request @param {Variant} variant */
  const store = (request, variant) => {
    const others = (entries.peek(request.url) ?? []).filter(
      (v) => !v.policy.stale() && !variant.policy.satisfiesWithoutRevalidation(v.request),
    );
    const variants = [...others.slice(-(MAX_VARIANTS - 1)), variant];
    if (stringBytes(request.url) + variantsSize(variants) > maxBytes) return;
    entries.set(request.url, variants);
    stats.stored++;
  };

  /**
   * @param {CacheRequest} request
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {boolean} whether it answered
   */
  const answer = (request, req, res) => {
    const variant = lookup(request);
    if (!variant) return false;
    const age = String(Math.max(0, Math.floor(variant.policy.age())));
    const inm = req.headers['if-none-match'];
    if (variant.etag && inm && inm.split(',').some((tag) => tag.trim() === variant.etag || tag.trim() === '*')) {
      for (const [name, value] of variant.headers) if (!name.startsWith('content-')) res.setHeader(name, value);
      res.setHeader('age', age);
      res.statusCode = 304;
      res.end();
      return true;
    }
    for (const [name, value] of variant.headers) res.setHeader(name, value);
    res.setHeader('content-length', variant.body.length);
    res.setHeader('age', age);
    res.statusCode = variant.status;
    res.end(req.method === 'HEAD' ? undefined : variant.body);
    return true;
  };

  /**
   * Watches Next write its answer and keeps a copy when a shared cache may.
   * @param {CacheRequest} request
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const record = (request, req, res) => {
    const started = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let overflow = false;
    /** @type {Record<string, string | string[] | number>} */
    const headHeaders = {};
    /** @param {unknown} chunk @param {unknown} encoding */
    const take = (chunk, encoding) => {
      if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8')
          : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.length;
      if (size > maxEntryBytes) {
        overflow = true;
        chunks.length = 0;
        return;
      }
      chunks.push(buffer);
    };
    const { write, end, writeHead } = res;
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
        take(chunk, rest[0]);
        return write.call(this, chunk, ...rest);
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
        take(chunk, rest[0]);
        return end.call(this, chunk, ...rest);
      }
    );
    // Headers handed straight to writeHead() are not visible through getHeaders() afterwards.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) {
        const headers = rest.find((r) => typeof r === 'object' && r !== null);
        if (Array.isArray(headers)) {
          // Either [[name, value], …] or the flat [name, value, name, value, …].
          const pairs = headers.every(Array.isArray)
            ? headers
            : headers.flatMap((_, i) => (i % 2 === 0 ? [[headers[i], headers[i + 1]]] : []));
          for (const [name, value] of pairs) headHeaders[String(name).toLowerCase()] = value;
        } else if (headers) {
          for (const [name, value] of Object.entries(headers)) headHeaders[name.toLowerCase()] = value;
        }
        return writeHead.call(this, status, ...rest);
      }
    );
    res.once('finish', () => {
      if (overflow || req.method !== 'GET' || started !== generation) return;
      /** @type {Record<string, string>} */
      const headers = {};
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...headHeaders })) {
        if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = headerText(value);
      }
      const shared = sharedPolicy(Policy, request, res.statusCode, headers);
      if (!shared) return;
      const { policy } = shared;
      const body = Buffer.concat(chunks);
      const kept = /** @type {[string, string][]} */ (Object.entries(headers));
      const headerBytes = kept.reduce((sum, [name, value]) => sum + stringBytes(name) + stringBytes(value), 0);
      // The policy holds its own copies of the response headers and the varied request headers.
      const policyBytes = stringBytes(JSON.stringify(policy.toObject()));
      store(request, {
        policy,
        request: shared.request,
        status: res.statusCode,
        headers: kept,
        body,
        etag: headers.etag ?? null,
        size: body.length + headerBytes + policyBytes + ENTRY_OVERHEAD_BYTES,
      });
    });
  };

  return {
    /**
     * Answers from memory, or passes the request to `next` and keeps a copy of a shareable answer.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {Handler} next
     */
    handle(req, res, next) {
      if (!mayUseCache(req) || (req.url ?? '').length > MAX_KEY_LENGTH) {
        stats.bypassed++;
        return next(req, res);
      }
      const request = snapshotRequest(req);
      if (answer(request, req, res)) {
        stats.hits++;
        return undefined;
      }
      stats.misses++;
      if (firstAsk(request.url)) {
        stats.firstAsks++;
        return next(req, res);
      }
      record(request, req, res);
      return next(req, res);
    },
    stats: () => {
      let variants = 0;
      for (const list of entries.values()) variants += list.length;
      return { ...stats, entries: variants, urls: entries.size, bytes: entries.calculatedSize };
    },
    /** Empties the cache; answers still being written are not kept either (they may predate the reason). */
    clear() {
      generation++;
      entries.clear();
    },
  };
}
