// PATCH /api/collections/<id> {name}: rename one of the reader's 收藏夹. DELETE: delete it (its articles stay saved).
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import {
  CollectionNameTakenError,
  collectionNameSchema,
  deleteCollection,
  renameCollection,
  UserGoneError,
} from '@/lib/accounts/collections';
import { getDb } from '@/lib/db/client';

type Props = { params: Promise<{ id: string }> };
const COLLECTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND = () => refuse(404, 'not_found', '没有这个收藏夹（可能已在其他设备上删除）');

function failed(error: unknown, what: string): Response {
  if (error instanceof UserGoneError) return refuse(401, 'signed_out', '请先登录');
  if (error instanceof CollectionNameTakenError) return refuse(409, 'name_taken', error.message);
  console.error(`[collections] ${what} failed:`, error);
  return refuse(500, 'server_error', '没有保存，请稍后再试');
}

export async function PATCH(request: Request, props: Props): Promise<Response> {
  const who = await writer(request, '请先登录');
  if ('refusal' in who) return who.refusal;
  const { id } = await props.params;
  if (!COLLECTION_ID.test(id)) return NOT_FOUND();
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const name = collectionNameSchema.safeParse((body.value as { name?: unknown } | null)?.name);
  if (!name.success) return refuse(400, 'bad_request', name.error.issues[0]?.message ?? '收藏夹名称无效');
  try {
    const done = await renameCollection(await getDb(), who.userId, id, name.data, { sessionId: who.sessionId });
    return done ? Response.json({ id, name: name.data }, { headers: PRIVATE }) : NOT_FOUND();
  } catch (error) {
    return failed(error, 'rename');
  }
}

export async function DELETE(request: Request, props: Props): Promise<Response> {
  const who = await writer(request, '请先登录');
  if ('refusal' in who) return who.refusal;
  const { id } = await props.params;
  if (!COLLECTION_ID.test(id)) return NOT_FOUND();
  try {
    const done = await deleteCollection(await getDb(), who.userId, id, { sessionId: who.sessionId });
    return done ? Response.json({ deleted: id }, { headers: PRIVATE }) : NOT_FOUND();
  } catch (error) {
    return failed(error, 'delete');
  }
}
