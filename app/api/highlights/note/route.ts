// PUT /api/highlights/note {slug, note}: the signed-in reader's note on a whole article ("" removes it).
import type { ArticleNoteWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import {
  articleNoteSchema,
  firstIssue,
  HighlightLimitError,
  setArticleNote,
  UserGoneError,
} from '@/lib/accounts/highlights';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';

const SIGNED_OUT = '请先登录再写笔记';

export async function PUT(request: Request): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const input = articleNoteSchema.safeParse(body.value);
  if (!input.success) return refuse(400, 'bad_request', firstIssue(input.error));
  const { slug, note } = input.data;
  // A note can always be emptied; a new one only on a published article.
  if (note.trim() && !getContentIndex().getMeta(slug)) return refuse(404, 'not_found', '这篇文章不存在或已下线');
  try {
    const saved = await setArticleNote(await getDb(), who.userId, slug, note, { sessionId: who.sessionId });
    return Response.json({ note: saved } satisfies ArticleNoteWriteResponse, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', SIGNED_OUT);
    if (error instanceof HighlightLimitError) return refuse(409, 'limit', error.message);
    console.error('[highlights] article note failed:', error);
    return refuse(500, 'server_error', '笔记没有保存，请稍后再试');
  }
}
