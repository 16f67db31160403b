// PUT /api/collections/<id>/items {slug, member}: put a saved article in one of the reader's 收藏夹 (saving it first
// if it was not saved) or take it out.
import { PRIVATE, readJsonBody, refuse, writer } from '@/lib/accounts/api-route';
import { isValidSlug } from '@/lib/accounts/bookmarks';
import { setCollectionMember, UserGoneError } from '@/lib/accounts/collections';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';

type Props = { params: Promise<{ id: string }> };
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND = () => refuse(404, 'not_found', '没有这个收藏夹（可能已在其他设备上删除）');

export async function PUT(request: Request, props: Props): Promise<Response> {
  const who = await writer(request, '请先登录');
  if ('refusal' in who) return who.refusal;
  const { id } = await props.params;
  if (!ID.test(id)) return NOT_FOUND();
  const body = await readJsonBody(request);
  if ('refusal' in body) return body.refusal;
  const input = body.value as { slug?: unknown; member?: unknown } | null;
  if (typeof input !== 'object' || input === null || !isValidSlug(input.slug))
    return refuse(400, 'bad_request', '文章地址无效');
  if (typeof input.member !== 'boolean') return refuse(400, 'bad_request', 'member 应为 true 或 false');
  // Only published articles can be added; one that has gone can still be taken out.
  if (input.member && !getContentIndex().getMeta(input.slug)) return refuse(404, 'not_found', '这篇文章不存在或已下线');
  try {
    const done = await setCollectionMember(await getDb(), who.userId, id, input.slug, input.member, {
      sessionId: who.sessionId,
    });
    return done ? Response.json({ id, slug: input.slug, member: input.member }, { headers: PRIVATE }) : NOT_FOUND();
  } catch (error) {
    if (error instanceof UserGoneError) return refuse(401, 'signed_out', '请先登录');
    console.error('[collections] membership failed:', error);
    return refuse(500, 'server_error', '没有保存，请稍后再试');
  }
}
