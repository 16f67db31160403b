// How the readers' client islands call their JSON API routes: same-origin, JSON in and out, kept alive past a
// page the reader leaves at once; the answer's zh-CN message when the route refused.

export type ApiAnswer = { status: number; ok: boolean; json: unknown };

/** Sends `body` as JSON (none for a DELETE); throws only when the network fails. */
export async function sendJson(url: string, method: string, body?: unknown): Promise<ApiAnswer> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    // A reader who leaves the page right after acting still has the change made.
    keepalive: true,
  });
  return { status: res.status, ok: res.ok, json: await res.json().catch(() => null) };
}

/** The route's own message (lib/accounts/api-route.ts refusals), or `fallback`. */
export function messageOf(json: unknown, fallback: string): string {
  const message = (json as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : fallback;
}
