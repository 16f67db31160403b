// Refuses writes that another site's page makes with the reader's cookies (CSRF), for route handlers that take
// JSON or form posts.

/**
 * Session cookies are SameSite=Lax already; this also covers older browsers. Clients that send no
 * Origin (curl, the benchmark) carry no victim's cookies, so they pass.
 */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return origin === 'null';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
