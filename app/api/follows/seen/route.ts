// POST /api/follows/seen {at}: the reader has looked at 我的关注 as it stood at `at` (the page's own time, an ISO
// instant no later than now): articles published up to then are no longer 新.
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import { markFollowsSeen, UserGoneError } from '@/lib/accounts/follows';
import { getDb } from '@/lib/db/client';

export async function POST(request: Request): Promise<Response> {
  const who = await writer(request, '请先登录');
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const at = (body.value as { at?: unknown } | null)?.at;
  const time = typeof at === 'string' && at.length <= 40 ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(time)) return refuse(400, 'bad_request', 'at 应为 ISO 8601 时间');
  // A page cannot have been seen in the future.
  const seen = new Date(Math.min(time, Date.now()));
  try {
    await markFollowsSeen(await getDb(), who.userId, seen, { sessionId: who.sessionId });
    return Response.json({ seenAt: seen.toISOString() }, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', '请先登录');
    console.error('[follows] seen failed:', error);
    return refuse(500, 'server_error', '没有保存，请稍后再试');
  }
}
