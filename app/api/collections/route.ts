// GET /api/collections[?slug=…]: the signed-in reader's 收藏夹 (with how many articles each holds, and whether it
// holds `slug`). POST /api/collections {name}: a new one.
import type { CollectionsResponse, CollectionWriteResponse } from '@/lib/accounts/api-types';
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import { getCurrentUser } from '@/lib/accounts/auth';
import { isValidSlug } from '@/lib/accounts/bookmarks';
import {
  CollectionLimitError,
  CollectionNameTakenError,
  collectionNameSchema,
  collectionsHolding,
  createCollection,
  listCollections,
  UserGoneError,
} from '@/lib/accounts/collections';
import { getDb } from '@/lib/db/client';

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return refuse(401, 'signed_out', '请先登录');
  const slug = new URL(request.url).searchParams.get('slug');
  const db = await getDb();
  const [list, holding] = await Promise.all([
    listCollections(db, user.id),
    isValidSlug(slug) ? collectionsHolding(db, user.id, slug) : Promise.resolve(new Set<string>()),
  ]);
  const body: CollectionsResponse = { collections: list.map((c) => ({ ...c, member: holding.has(c.id) })) };
  return Response.json(body, { headers: { ...PRIVATE, Vary: 'Cookie' } });
}

export async function POST(request: Request): Promise<Response> {
  const who = await writer(request, '请先登录');
  if ('refusal' in who) return who.refusal;
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const name = collectionNameSchema.safeParse((body.value as { name?: unknown } | null)?.name);
  if (!name.success) return refuse(400, 'bad_request', name.error.issues[0]?.message ?? '收藏夹名称无效');
  try {
    const collection = await createCollection(await getDb(), who.userId, name.data, { sessionId: who.sessionId });
    return Response.json({ collection } satisfies CollectionWriteResponse, { status: 201, headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', '请先登录');
    if (error instanceof CollectionNameTakenError) return refuse(409, 'name_taken', error.message);
    if (error instanceof CollectionLimitError) return refuse(409, 'limit', error.message);
    console.error('[collections] create failed:', error);
    return refuse(500, 'server_error', '没有保存，请稍后再试');
  }
}
