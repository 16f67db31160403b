// A small in-memory cache in front of Next's request handler for `npm start`, doing what a CDN does in
// front of `next start` on Vercel: answer repeat requests for pages Next itself marks as shared and
// cacheable (`Cache-Control: s-maxage=…`) from memory, for as long as Next allows, without running the
// router, the page handler and the header rules again. A prerendered article is the same bytes for every
// reader, and Next spends most of a cached request's time on that bookkeeping, not on the page.
//
// It stores only what a shared cache may: GET answers with status 200, a public s-maxage or max-age, no
// Set-Cookie, no Vary: *, and not a stale copy Next is revalidating. It never answers requests in Draft
// Mode (the preview cookies), with credentials in an Authorization header, for a byte range, or that
// ask for a fresh copy (Cache-Control: no-cache). Answers are keyed by URL and by the request headers
// the response's Vary names (Next varies pages on its RSC headers, and on Accept-Encoding when it compresses).
// Plain JavaScript: scripts/start.mjs runs before anything is compiled.

/** Cookies that put a request in Draft Mode: such a request must reach Next and never share an answer. */
const BYPASS_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;

/** Headers a stored answer does not replay: they describe one connection or one transfer, not the page. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'age', 'upgrade', 'proxy-connection']);

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

/**
 * Seconds a shared cache may keep this answer, or 0 when it may not keep it at all.
 * @param {number} status
 * @param {Record<string, string | string[] | number | undefined>} headers lower-case names
 * @returns {number}
 */
export function sharedLifetime(status, headers) {
  if (status !== 200) return 0;
  if (headers['set-cookie'] !== undefined) return 0;
  const vary = String(headers.vary ?? '');
  if (vary.split(',').some((v) => v.trim() === '*')) return 0;
  // Next is serving an expired copy while it renders a new one: keeping it would prolong the staleness.
  if (String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return 0;
  const cc = String(headers['cache-control'] ?? '').toLowerCase();
  if (/(?:^|,)\s*(?:private|no-store|no-cache)\b/.test(cc)) return 0;
  const shared = /(?:^|,)\s*s-maxage\s*=\s*(\d+)/.exec(cc) ?? /(?:^|,)\s*max-age\s*=\s*(\d+)/.exec(cc);
  return shared ? Number(shared[1]) : 0;
}

/** @param {string | string[] | number | undefined} value */
function headerText(value) {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
}

/**
 * @typedef {{ vary: string[], status: number, headers: [string, string | string[]][], body: Buffer, etag: string | null, storedAt: number, expiresAt: number, key: string }} Entry
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} Handler
 */

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number, now?: () => number }} [options]
 */
export function createResponseCache(options = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
  const now = options.now ?? Date.now;
  /** Least recently used first. @type {Map<string, Entry>} */
  const entries = new Map();
  /**
   * URL → the Vary header names its answers were stored under, and how many of its answers are stored
   * (the URL is forgotten with its last answer, so URLs that were evicted do not pile up).
   * @type {Map<string, { vary: string[], stored: number }>}
   */
  const varyByUrl = new Map();
  /** @param {Entry} entry */
  const urlOf = (entry) => entry.key.slice(0, entry.key.indexOf('\n'));
  let bytes = 0;
  const stats = { hits: 0, misses: 0, stored: 0, bypassed: 0 };

  /** @param {import('node:http').IncomingMessage} req @param {string[]} vary */
  const keyOf = (req, vary) => `${req.url}\n${vary.map((name) => headerText(req.headers[name])).join('\n')}`;

  /** @param {Entry} entry */
  const remove = (entry) => {
    if (!entries.delete(entry.key)) return;
    bytes -= entry.body.length;
    const url = urlOf(entry);
    const known = varyByUrl.get(url);
    if (known && --known.stored === 0) varyByUrl.delete(url);
  };

  /** @param {Entry} entry */
  const add = (entry) => {
    if (entry.body.length > maxEntryBytes || entry.body.length > maxBytes) return;
    const old = entries.get(entry.key);
    if (old) remove(old);
    entries.set(entry.key, entry);
    const known = varyByUrl.get(urlOf(entry));
    if (known) {
      known.vary = entry.vary;
      known.stored++;
    } else {
      varyByUrl.set(urlOf(entry), { vary: entry.vary, stored: 1 });
    }
    bytes += entry.body.length;
    for (const oldest of entries.values()) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
    stats.stored++;
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {boolean} whether it answered
   */
  const answer = (req, res) => {
    const vary = varyByUrl.get(req.url ?? '')?.vary;
    if (!vary) return false;
    const entry = entries.get(keyOf(req, vary));
    if (!entry) return false;
    const t = now();
    if (t >= entry.expiresAt) {
      remove(entry);
      return false;
    }
    // Most recently used goes last.
    entries.delete(entry.key);
    entries.set(entry.key, entry);
    const age = String(Math.floor((t - entry.storedAt) / 1000));
    const inm = req.headers['if-none-match'];
    if (entry.etag && inm && inm.split(',').some((tag) => tag.trim() === entry.etag || tag.trim() === '*')) {
      for (const [name, value] of entry.headers) if (!name.startsWith('content-')) res.setHeader(name, value);
      res.setHeader('age', age);
      res.statusCode = 304;
      res.end();
      return true;
    }
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('content-length', entry.body.length);
    res.setHeader('age', age);
    res.statusCode = entry.status;
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  };

  /**
   * Watches Next write its answer and keeps a copy when a shared cache may.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const record = (req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let overflow = false;
    /** @type {Record<string, string | string[] | number>} */
    const headHeaders = {};
    /** @param {unknown} chunk @param {unknown} encoding */
    const take = (chunk, encoding) => {
      if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8') : Buffer.from(/** @type {Uint8Array} */ (chunk));
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
          const pairs = headers.every(Array.isArray) ? headers : headers.flatMap((_, i) => (i % 2 === 0 ? [[headers[i], headers[i + 1]]] : []));
          for (const [name, value] of pairs) headHeaders[String(name).toLowerCase()] = value;
        } else if (headers) {
          for (const [name, value] of Object.entries(headers)) headHeaders[name.toLowerCase()] = value;
        }
        return writeHead.call(this, status, ...rest);
      }
    );
    res.once('finish', () => {
      if (overflow || req.method !== 'GET') return;
      /** @type {Record<string, string | string[] | number | undefined>} */
      const headers = { ...res.getHeaders(), ...headHeaders };
      const lifetime = sharedLifetime(res.statusCode, headers);
      if (lifetime <= 0) return;
      const vary = headerText(headers.vary)
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean)
        .sort();
      /** @type {[string, string | string[]][]} */
      const kept = [];
      for (const [name, value] of Object.entries(headers)) {
        if (value === undefined || HOP_HEADERS.has(name)) continue;
        kept.push([name, Array.isArray(value) ? value : String(value)]);
      }
      const t = now();
      add({
        key: keyOf(req, vary),
        vary,
        status: res.statusCode,
        headers: kept,
        body: Buffer.concat(chunks),
        etag: typeof headers.etag === 'string' ? headers.etag : null,
        storedAt: t,
        expiresAt: t + lifetime * 1000,
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
      if (!mayUseCache(req)) {
        stats.bypassed++;
        return next(req, res);
      }
      if (answer(req, res)) {
        stats.hits++;
        return undefined;
      }
      stats.misses++;
      record(req, res);
      return next(req, res);
    },
    stats: () => ({ ...stats, entries: entries.size, urls: varyByUrl.size, bytes }),
    clear() {
      entries.clear();
      varyByUrl.clear();
      bytes = 0;
    },
  };
}
