// Validates where to send a reader after signing in: paths on this site only, never another origin.
const PLACEHOLDER_ORIGIN = 'http://callback.invalid';

/** Pages that would loop back into the sign-in flow if used as a destination. */
const AUTH_PAGES = ['/signin', '/signup'];

/**
 * Returns `raw` as a same-origin path (with query and hash) or `fallback`. Rejects absolute URLs to
 * other origins, protocol-relative `//host`, backslash tricks such as `/\host` (browsers read `\` as `/`),
 * control characters, and (unless `allowAuthPages`) the sign-in pages themselves, which would loop.
 * An absolute URL on `siteOrigin` is reduced to its path.
 */
export function safeCallbackPath(raw: unknown, fallback = '/', siteOrigin?: string, options: { allowAuthPages?: boolean } = {}): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > 2048) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let candidate = raw;
  if (!raw.startsWith('/')) {
    if (!siteOrigin) return fallback;
    try {
      const absolute = new URL(raw);
      if (absolute.origin !== new URL(siteOrigin).origin) return fallback;
      candidate = absolute.pathname + absolute.search + absolute.hash;
    } catch {
      return fallback;
    }
  }
  if (candidate.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  if (!options.allowAuthPages && AUTH_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(p + '/'))) return fallback;
  return url.pathname + url.search + url.hash;
}
