// What the readers' JSON write routes share: private answers, a refusal that names the problem in zh-CN,
// a bounded JSON body, and the writer's session (the cookie's claims; each write then checks the session
// row itself).
import { getSessionClaims } from '@/lib/accounts/auth';
import { isCrossSite } from '@/lib/accounts/guards/cross-site';

export const PRIVATE = { 'Cache-Control': 'private, no-store' } as const;

export type ApiError = { error: string; message: string };

export function refuse(status: number, error: string, message: string): Response {
  return Response.json({ error, message } satisfies ApiError, { status, headers: PRIVATE });
}

/** Largest JSON body a reader's write needs (a 4,000-character passage and a 5,000-character note, escaped). */
export const MAX_JSON_BYTES = 64 * 1024;

/** The request's JSON, or a refusal: 413 past `maxBytes` (read no further), 400 when it is not JSON. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_JSON_BYTES,
): Promise<{ value: unknown } | { refusal: Response }> {
  const tooLarge = () => ({ refusal: refuse(413, 'too_large', `请求内容太大（最多 ${maxBytes / 1024} KB）`) });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { refusal: refuse(400, 'bad_request', '请求内容不是有效的 JSON') };
  }
}

/** The signed-in writer of a same-site request, or the refusal to answer (403 cross-site, 401 signed out). */
export async function writer(
  request: Request,
  signedOutMessage: string,
): Promise<{ userId: string; sessionId: string } | { refusal: Response }> {
  if (isCrossSite(request)) return { refusal: refuse(403, 'cross_site', '不接受来自其他网站的请求') };
  const session = await getSessionClaims();
  if (!session) return { refusal: refuse(401, 'signed_out', signedOutMessage) };
  return { userId: session.userId, sessionId: session.sessionId };
}
