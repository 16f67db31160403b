// POST /api/highlights {slug, color, exact, prefix, suffix, start, end, note?}: the signed-in reader highlights a
// passage of a published article. Answers {highlight}; 400/401/403/404/409/413 say what was wrong, in zh-CN.
import type { HighlightWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import {
  createHighlight,
  firstIssue,
  HighlightLimitError,
  newHighlightSchema,
  UserGoneError,
} from '@/lib/accounts/highlights';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';

const SIGNED_OUT = '请先登录再划线';

export async function POST(request: Request): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const input = newHighlightSchema.safeParse(body.value);
  if (!input.success) return refuse(400, 'bad_request', firstIssue(input.error));
  // Only published articles; drafts and unknown addresses are never annotated.
  if (!getContentIndex().getMeta(input.data.slug)) return refuse(404, 'not_found', '这篇文章不存在或已下线');
  try {
    const highlight = await createHighlight(await getDb(), who.userId, input.data, { sessionId: who.sessionId });
    return Response.json({ highlight } satisfies HighlightWriteResponse, { status: 201, headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', SIGNED_OUT);
    if (error instanceof HighlightLimitError) return refuse(409, 'limit', error.message);
    console.error('[highlights] write failed:', error);
    return refuse(500, 'server_error', '划线没有保存，请稍后再试');
  }
}
