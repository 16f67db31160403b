// POST /api/follows {kind, name, follow}: the signed-in reader follows (true) or unfollows a category, author or
// tag. Only names that published articles carry can be followed; anything followed can be unfollowed.
import type { FollowWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import { FollowLimitError, followSchema, setFollow, UserGoneError } from '@/lib/accounts/follows';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';

const SIGNED_OUT = '请先登录再关注';

export async function POST(request: Request): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const input = followSchema.safeParse(body.value);
  if (!input.success) return refuse(400, 'bad_request', input.error.issues[0]?.message ?? '请求无效');
  const { kind, name, follow } = input.data;
  if (follow && getContentIndex().countOf(kind, name) === 0)
    return refuse(404, 'not_found', '没有这个分类、作者或标签');
  try {
    const following = await setFollow(await getDb(), who.userId, { kind, name }, follow, { sessionId: who.sessionId });
    return Response.json({ kind, name, following } satisfies FollowWriteResponse, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', SIGNED_OUT);
    if (error instanceof FollowLimitError) return refuse(409, 'limit', error.message);
    console.error('[follows] write failed:', error);
    return refuse(500, 'server_error', '没有保存，请稍后再试');
  }
}
