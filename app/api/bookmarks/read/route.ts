// POST /api/bookmarks/read {slug, read}: marks a saved article 已读 (true) or back to 稍后读 (false).
import type { ReadStateWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import { isValidSlug } from '@/lib/accounts/bookmarks';
import { setReadState, UserGoneError } from '@/lib/accounts/collections';
import { getDb } from '@/lib/db/client';

const SIGNED_OUT = '请先登录';

export async function POST(request: Request): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const input = body.value as { slug?: unknown; read?: unknown } | null;
  if (typeof input !== 'object' || input === null || !isValidSlug(input.slug))
    return refuse(400, 'bad_request', '文章地址无效');
  if (typeof input.read !== 'boolean') return refuse(400, 'bad_request', 'read 应为 true 或 false');
  try {
    const state = await setReadState(await getDb(), who.userId, input.slug, input.read ? 'read' : 'later', {
      sessionId: who.sessionId,
    });
    if (state === null) return refuse(404, 'not_saved', '这篇文章还没有收藏');
    return Response.json({ slug: input.slug, state } satisfies ReadStateWriteResponse, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', SIGNED_OUT);
    console.error('[bookmarks] read state failed:', error);
    return refuse(500, 'server_error', '没有保存，请稍后再试');
  }
}
