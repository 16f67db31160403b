// PATCH /api/highlights/<id> {color?, note?}: recolour a highlight or write its note (null or "" removes it).
// DELETE /api/highlights/<id>: remove a highlight or the article's note. Only the reader's own rows.
import type { HighlightWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import {
  deleteHighlight,
  firstIssue,
  highlightChangeSchema,
  updateHighlight,
  UserGoneError,
} from '@/lib/accounts/highlights';
import { getDb } from '@/lib/db/client';

type Props = { params: Promise<{ id: string }> };

const SIGNED_OUT = '请先登录';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND = () => refuse(404, 'not_found', '没有这条划线（可能已在其他设备上删除）');

function failed(error: unknown, what: string): Response {
  if (error instanceof UserGoneError) return refuse(401, 'signed_out', SIGNED_OUT);
  console.error(`[highlights] ${what} failed:`, error);
  return refuse(500, 'server_error', '没有保存，请稍后再试');
}

export async function PATCH(request: Request, props: Props): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const { id } = await props.params;
  if (!ID.test(id)) return NOT_FOUND();
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const change = highlightChangeSchema.safeParse(body.value);
  if (!change.success) return refuse(400, 'bad_request', firstIssue(change.error));
  try {
    const highlight = await updateHighlight(await getDb(), who.userId, id, change.data, { sessionId: who.sessionId });
    if (!highlight) return NOT_FOUND();
    return Response.json({ highlight } satisfies HighlightWriteResponse, { headers: PRIVATE });
  } catch (error) {
    return failed(error, 'update');
  }
}

export async function DELETE(request: Request, props: Props): Promise<Response> {
  const who = await writer(request, SIGNED_OUT);
  if ('refusal' in who) return who.refusal;
  const { id } = await props.params;
  if (!ID.test(id)) return NOT_FOUND();
  try {
    const deleted = await deleteHighlight(await getDb(), who.userId, id, { sessionId: who.sessionId });
    if (!deleted) return NOT_FOUND();
    return Response.json({ deleted: id }, { headers: PRIVATE });
  } catch (error) {
    return failed(error, 'delete');
  }
}
