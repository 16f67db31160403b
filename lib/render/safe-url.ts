// URL checks shared by the image and link transforms; the sanitizer's protocol list stays the last word.
/** A made-up origin to resolve relative URLs against; only used to tell relative from absolute. */
const PROBE_ORIGIN = 'https://hutong.invalid';

/** What a browser does before parsing a URL attribute: trim C0 controls and spaces, drop tabs and newlines. */
export function cleanUrl(raw: string): string {
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * An image address we are willing to hotlink: absolute http(s) (protocol-relative ones upgraded to
 * https) or site-relative (`/images/a.jpg`). Anything else — `data:`, `javascript:`, a bare
 * `a.jpg` that would resolve under the article's own path — gives null.
 */
export function imageUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = cleanUrl(raw);
  if (!cleaned) return null;
  try {
    if (/^https?:/i.test(cleaned)) {
      const url = new URL(cleaned);
      return url.host ? url.href : null;
    }
    if (/^[/\\]{2}/.test(cleaned)) return new URL(`https:${cleaned.replace(/\\/g, '/')}`).href;
    if (cleaned.startsWith('/')) {
      const url = new URL(cleaned, PROBE_ORIGIN);
      return url.origin === PROBE_ORIGIN ? url.pathname + url.search + url.hash : null;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Where a link leads, seen from `siteOrigin`: an http(s) URL on another origin is `external`
 * (returned normalized, scheme lower-cased); everything else — relative paths, fragments, this
 * site, `mailto:`, and hostile schemes the sanitizer will drop — is `internal` and left alone.
 */
export function classifyLink(
  raw: string,
  siteOrigin: string,
): { kind: 'external'; href: string } | { kind: 'internal' } {
  const cleaned = cleanUrl(raw);
  let url: URL;
  try {
    url = new URL(cleaned, `${siteOrigin}/`);
  } catch {
    return { kind: 'internal' };
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== siteOrigin) {
    return { kind: 'external', href: url.href };
  }
  return { kind: 'internal' };
}
