// Search result pages for `npm start`, put together instead of rendered: a document request for
// /search?q=… is answered with the page's shell — /search rendered by Next without a query, kept for a
// minute — with that query's results put into its results region, as a CDN's edge-side include would.
// The results come from the server's own search thread (server/search-answer.mjs: the search and one HTML
// string, the same string the page itself shows), or, where it cannot answer, from /search/results
// (app/search/results/route.ts, the same again), asked of this very server over loopback, so its answers go
// through the front door and the response cache like any other.
//
// Why: every search is a new query, so the response cache cannot help, and a full App Router render of
// the page costs ~6 ms of main thread (~110 pages a second on this 2-core machine, measured with 50
// readers); the results route answers the same search in ~1 ms (~650 a second), the search thread in less
// main-thread time again (no request, routing or streams: see search-answer.mjs). The shell is the same
// for everyone (/search is public: nothing in it depends on the reader) and React keeps the results'
// HTML when it hydrates (components/search/search-results-region.tsx).
//
// Only whole-page requests of a browser are answered here: the router's own requests (RSC headers, the
// `_rsc` marker) and anything that is not a GET or HEAD with a query go to Next. Whenever anything is not
// as expected — the shell or the results route answering other than 200, a shell without its region —
// Next renders the page as before.
// Plain JavaScript: server/start.mjs runs before anything is compiled.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { spliceResults } from '../lib/search/results-region.mjs';
import { headerText } from './response-cache.mjs';

const gzip = promisify(zlib.gzip);

/** How long a shell is used before it is asked for again (as long as shared caches may keep /search). */
export const SHELL_TTL_MS = 60_000;

/** Headers the App Router's own requests carry: those get their payload from Next. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'];

/** Headers of the shell's answer that the put-together page keeps. */
const SHELL_HEADERS = ['content-type', 'cache-control', 'link', 'x-robots-tag'];

/**
 * Whether this request is a browser's request for a result page (a non-empty query).
 * @param {import('node:http').IncomingMessage} req
 */
export function isSearchDocument(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  if (at === -1 || url.slice(0, at) !== '/search') return false;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return false;
  let params;
  try {
    params = new URLSearchParams(url.slice(at + 1));
  } catch {
    return false;
  }
  if (params.has('_rsc')) return false;
  return (params.get('q') ?? '').trim() !== '';
}

/**
 * Whether the client takes gzip (RFC 9110: `gzip` or `*`, not with q=0).
 * @param {string} header
 */
export function acceptsGzip(header) {
  let star = false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const wanted = !q || Number(q.slice(2)) > 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') return wanted;
    if (coding.trim() === '*') star = wanted;
  }
  return star;
}

/** @param {string} value */
function decodedHeader(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }} LocalAnswer
 * @typedef {{ html: string, title: string, address: string }} ResultsAnswer
 * @param {{ fetchLocal: (path: string) => Promise<LocalAnswer>, answerLocal?: (search: string) => Promise<ResultsAnswer | null>, now?: () => number }} options
 *   fetchLocal: a GET of one of this server's own addresses, uncompressed, without the reader's cookies;
 *   answerLocal: one result page for a query string (without `?`), from the server's search thread; null
 *   (or a failure) when it cannot, and /search/results is asked instead
 */
export function createSearchInclude({ fetchLocal, answerLocal, now = Date.now }) {
  /** @type {{ html: string, headers: import('node:http').IncomingHttpHeaders, at: number } | null} */
  let shell = null;
  /** @type {Promise<typeof shell> | null} */
  let asking = null;
  /** Bumped by clear(): a shell being fetched when it was called is not kept. */
  let generation = 0;
  const stats = { included: 0, passed: 0, fromThread: 0 };

  /**
   * One result page's region and names: from the search thread, else from /search/results; null when
   * neither answered as expected.
   * @param {string} search the query string, without `?`
   * @returns {Promise<ResultsAnswer | null>}
   */
  const resultsFor = async (search) => {
    if (answerLocal) {
      const answered = await answerLocal(search).catch(() => null);
      if (answered) {
        stats.fromThread++;
        return answered;
      }
    }
    const results = await fetchLocal(`/search/results?${search}`);
    const title = decodedHeader(headerText(results.headers['x-search-title']));
    const address = headerText(results.headers['x-search-address']);
    if (results.status !== 200 || !title || !address) return null;
    return { html: results.body.toString('utf8'), title, address };
  };

  const currentShell = () => {
    if (shell && now() - shell.at < SHELL_TTL_MS) return Promise.resolve(shell);
    if (!asking) {
      const started = generation;
      asking = fetchLocal('/search')
        .then((answer) => {
          const html = answer.status === 200 && /^text\/html/.test(headerText(answer.headers['content-type']));
          const got = html ? { html: answer.body.toString('utf8'), headers: answer.headers, at: now() } : null;
          if (started === generation) shell = got;
          return got;
        })
        .finally(() => {
          asking = null;
        });
    }
    return asking;
  };

  /**
   * Answers a result page, or says it did not (false) without having written anything.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  const handle = async (req, res) => {
    const url = req.url ?? '/';
    let page = null;
    /** @type {typeof shell} */
    let used = null;
    try {
      const search = url.slice(url.indexOf('?') + 1);
      const [got, results] = await Promise.all([currentShell(), resultsFor(search)]);
      used = got;
      const query = new URLSearchParams(search).get('q') ?? '';
      if (got && results) page = spliceResults(got.html, { ...results, query });
    } catch {
      page = null;
    }
    if (page === null || used === null || res.headersSent) {
      stats.passed++;
      return false;
    }
    let body = Buffer.from(page, 'utf8');
    for (const name of SHELL_HEADERS) {
      const value = used.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    const vary = new Set(
      headerText(used.headers.vary)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    );
    vary.add('Accept-Encoding');
    res.setHeader('vary', [...vary].join(', '));
    if (acceptsGzip(headerText(req.headers['accept-encoding']))) {
      body = await gzip(body);
      res.setHeader('content-encoding', 'gzip');
    }
    res.setHeader('content-length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
    stats.included++;
    return true;
  };

  return {
    handle,
    stats: () => ({ ...stats }),
    /** Forgets the shell (a publication may have changed what pages show). */
    clear() {
      generation++;
      shell = null;
    },
  };
}
