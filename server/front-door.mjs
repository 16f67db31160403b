// The checks every request passes before Next sees it, where Next itself answers a client's mistake with
// a 500 (a malformed address, a foreign or oversized server-action post, `OPTIONS *`), and the one place
// that decides who the client is (X-Forwarded-For is trusted only as far as TRUST_PROXY says).
// server/serve.mjs runs these for `npm start`; proxy.ts runs the request checks too, for platforms that
// run Next without this server. Plain JavaScript: `npm start` runs it before anything is compiled.

/** Next's own limit for server-action bodies (serverActions.bodySizeLimit); every other body is smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * @typedef {{ status: number, title: string, detail: string, headers?: Record<string, string> }} Refusal
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 */

/** @param {string | string[] | undefined} value */
const first = (value) => (Array.isArray(value) ? value[0] : value);

/**
 * Whether every %-escape in the path decodes: Next throws (and answers 500) on one that does not.
 * @param {string} pathname
 */
export function isDecodablePath(pathname) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a write comes from a page on another site. Absent Origin (curl, server-to-server) is not a
 * browser carrying a victim's cookies; "null" (sandboxed frames, privacy redirects) is treated as foreign.
 * @param {RequestLike['headers']} headers
 */
export function hasForeignOrigin(headers) {
  const origin = first(headers.origin);
  if (origin === undefined) return false;
  const host = first(headers['x-forwarded-host']) ?? first(headers.host);
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a request must not reach Next, or null. Pure: the caller writes the answer.
 * @param {RequestLike} req
 * @returns {Refusal | null}
 */
export function refuseRequest(req) {
  const method = (req.method ?? 'GET').toUpperCase();
  const target = req.url ?? '/';
  if (!target.startsWith('/')) {
    // `OPTIONS *` asks about the server as a whole; this site offers nothing beyond its pages.
    if (method === 'OPTIONS' && target === '*') {
      return {
        status: 405,
        title: '不支持的请求',
        detail: '本站不提供 OPTIONS * 。',
        headers: { Allow: 'GET, HEAD, POST' },
      };
    }
    return { status: 400, title: '请求地址无效', detail: '请求行里的地址必须以 / 开头。' };
  }
  const pathname = target.split(/[?#]/, 1)[0] ?? '/';
  if (!isDecodablePath(pathname)) {
    return {
      status: 400,
      title: '请求地址无效',
      detail: '地址里有无法解码的百分号转义（如 %FF）。请检查链接是否完整。',
    };
  }
  if (WRITE_METHODS.has(method)) {
    // next-auth's callbacks may be posted by an identity provider's page (form_post); it checks them itself.
    if (!pathname.startsWith('/api/auth/') && hasForeignOrigin(req.headers)) {
      return {
        status: 403,
        title: '拒绝跨站提交',
        detail: '这个表单来自其他网站，本站不接受。请在本站页面上重新操作。',
      };
    }
    const length = first(req.headers['content-length']);
    if (length === undefined && first(req.headers['transfer-encoding']) !== undefined) {
      return { status: 411, title: '缺少请求长度', detail: '提交的内容必须注明长度（Content-Length）。' };
    }
    if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
      return { status: 413, title: '提交的内容太大', detail: `一次最多提交 ${MAX_BODY_BYTES / 1024 / 1024} MB。` };
    }
  }
  return null;
}

/**
 * A small self-contained zh-CN page for a refused request (Next never runs, so no layout or styles).
 * @param {Refusal} refusal
 */
export function refusalPage(refusal) {
  const escape = (/** @type {string} */ s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escape(refusal.title)}</title></head>` +
    `<body style="font-family: PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.7">` +
    `<p style="color:#8a4b2a;font-weight:600">${refusal.status}</p><h1>${escape(refusal.title)}</h1><p>${escape(refusal.detail)}</p>` +
    `<p><a href="/">回到首页</a></p></body></html>`
  );
}

/**
 * TRUST_PROXY: how many proxies in front of the server append to X-Forwarded-For (0, the default: none,
 * the socket's address is the client). `true` means one.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function trustedProxyHops(env) {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return 0;
  if (raw === 'true' || raw === 'yes') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(
      `TRUST_PROXY must be the number of proxies in front of the server (0–10; true means 1), got "${env.TRUST_PROXY}"`,
    );
  }
  return n;
}

/**
 * The client's address: the socket's, or, behind `hops` trusted proxies, the address the outermost of
 * them saw. Entries a client wrote into X-Forwarded-For itself sit further left and are never reached.
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined} socketAddress
 * @param {number} hops
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  const socket = normalizeAddress(socketAddress ?? '') || 'unknown';
  if (hops === 0) return socket;
  const chain = [
    ...(Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
      .split(',')
      .map((a) => normalizeAddress(a))
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
}

/** @param {string} address "::ffff:1.2.3.4" and "1.2.3.4" are one client. */
function normalizeAddress(address) {
  const a = address.trim();
  return a.toLowerCase().startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/** Forwarding headers a client may not set unless a trusted proxy wrote them. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'x-vercel-forwarded-for',
];

/**
 * Rewrites the request's forwarding headers so that everything after this point can read the client's
 * address from X-Forwarded-For alone (a single entry) and trust X-Forwarded-Host/Proto only when a
 * trusted proxy set them.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} hops
 */
export function settleForwardedHeaders(req, hops) {
  const ip = clientAddress(req.headers['x-forwarded-for'], req.socket?.remoteAddress, hops);
  if (hops === 0) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  delete req.headers['x-real-ip'];
  req.headers['x-forwarded-for'] = ip;
}
