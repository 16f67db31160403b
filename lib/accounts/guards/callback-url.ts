// Validates where to send a reader after signing in: paths on this site only, never another origin.
const PLACEHOLDER_ORIGIN = 'http://callback.invalid';

/** Pages that would loop back into the sign-in flow if used as a destination. */
const AUTH_PAGES = ['/signin', '/signup'];

/**
 * Returns `raw` as a same-origin path (with query and hash) or `fallback`. The path is first resolved
 * the way a browser resolves a Location (dot segments, `%2e`, repeated slashes), and the *result* is
 * judged: `/.//evil.example` resolves to `//evil.example`, which a browser reads as another host. So:
 * no absolute URLs to other origins, nothing that resolves to `//host` or `/\host` (browsers read `\`
 * as `/`), no control characters (browsers drop tabs and newlines inside URLs), and (unless
 * `allowAuthPages`) not the sign-in pages themselves, which would loop. An absolute URL on
 * `siteOrigin` is reduced to its path.
 */
export function safeCallbackPath(
  raw: unknown,
  fallback = '/',
  siteOrigin?: string,
  options: { allowAuthPages?: boolean } = {},
): string {
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
  const result = url.pathname + url.search + url.hash;
  if (!isLocalPath(result)) return fallback;
  if (!options.allowAuthPages && AUTH_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(p + '/')))
    return fallback;
  return result;
}

/** A path a browser keeps on this origin when it follows it as a Location, as written and once resolved again. */
function isLocalPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
  try {
    return new URL(path, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
  } catch {
    return false;
  }
}
