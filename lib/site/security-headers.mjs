// The security headers every response carries (next.config.mjs applies them to /:path*). Plain JavaScript
// because next.config.mjs imports it before anything is compiled; types in security-headers.d.mts.
//
// Why a static policy with 'unsafe-inline' for scripts, and not nonces or hashes:
// - Every public page here is static (prerendered or ISR). A nonce must be fresh per response, so Next
//   only adds one when the page renders per request (its CSP guide: "you must use dynamic rendering to
//   add nonces"); that would turn every article page dynamic, which this site must never do.
// - Hashes in a static header cannot cover the App Router's inline scripts either: each page's HTML
//   carries its own `self.__next_f.push(…)` flight-data scripts, different on every page and every build.
// - So script-src is 'self' (our own bundles under /_next/static) plus 'unsafe-inline' for what Next
//   inlines (and our one reading-settings pre-paint script), and 'unsafe-eval' only in development, where React
//   needs eval for its debugging stacks. Article bodies cannot carry script: the render pipeline drops
//   <script>, event-handler attributes and javascript: URLs before anything reaches the page.
// Everything else is as tight as the site allows: images may come from any http(s) host because
// articles hotlink their publishers' CDNs; forms post only to us, or to the OAuth / OpenID Connect providers
// that are configured (the sign-in form's POST is redirected there); no plugins, no framing, no <base>.
// next.config.mjs reads this at build time: Next freezes headers into the build, like SITE_URL.

import { embedOrigins } from '../render/embed-hosts.mjs';

/** OAuth providers' authorization origins, keyed by the env var pair that enables them. */
const OAUTH_ORIGINS = [
  { id: 'AUTH_GITHUB_ID', secret: 'AUTH_GITHUB_SECRET', origin: 'https://github.com' },
  { id: 'AUTH_GOOGLE_ID', secret: 'AUTH_GOOGLE_SECRET', origin: 'https://accounts.google.com' },
];

/** @param {string | undefined} value */
const isSet = (value) => Boolean(value && value.trim());

/** @param {string} url @returns {string | null} */
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy value for an environment.
 * @param {Record<string, string | undefined>} env
 * @param {{ dev: boolean }} options dev: `next dev` (React needs eval there)
 * @returns {string}
 */
export function contentSecurityPolicy(env, { dev }) {
  const formAction = [
    "'self'",
    ...OAUTH_ORIGINS.filter((p) => isSet(env[p.id]) && isSet(env[p.secret])).map((p) => p.origin),
  ];
  // A generic OpenID Connect provider: its authorization endpoint lives at the issuer's origin.
  const issuer = isSet(env.OIDC_ISSUER) ? originOf(String(env.OIDC_ISSUER).trim()) : null;
  if (issuer && !formAction.includes(issuer)) formAction.push(issuer);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data: blob:",
    // Articles hotlink their audio and video like their pictures.
    "media-src 'self' https: http:",
    // Only the allowed players (lib/render/embed-hosts.mjs) may be framed.
    `frame-src ${embedOrigins().join(' ')}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    `form-action ${formAction.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  // Only an https site can ask for the upgrade: on http://localhost it would break every request.
  if (isSet(env.SITE_URL) && /^https:/i.test(String(env.SITE_URL).trim())) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Headers for every response (pages, API routes, static files).
 * @param {Record<string, string | undefined>} env
 * @param {{ dev: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(env, options) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(env, options) },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ];
}
