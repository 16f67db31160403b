// GET /api/bookmarks/state?slug=a&slug=b[&history=1] → who is signed in, which of these articles they saved and
// (for the home page's 继续阅读) what they read lately: the static pages' one per-reader request.
import { getCurrentUser } from '@/lib/accounts/auth';
import { bookmarkedAmong } from '@/lib/accounts/bookmarks';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';
import { isEditor } from '@/lib/accounts/editor-role';
import type { BookmarkStateResponse } from '@/lib/accounts/api-types';
import { continueReading, readingHistoryOf } from '@/lib/accounts/reading-history';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ user: null, bookmarked: [] } satisfies BookmarkStateResponse, { headers: PRIVATE });
  const params = new URL(request.url).searchParams;
  const db = await getDb();
  const [saved, history] = await Promise.all([
    bookmarkedAmong(db, user.id, params.getAll('slug')),
    params.get('history') === '1' ? readingHistoryOf(db, user.id) : null,
  ]);
  const body: BookmarkStateResponse = {
    user: { name: user.name, email: user.email, editor: isEditor(user) },
    bookmarked: [...saved],
  };
  if (history) body.history = continueReading(history, (slug) => getContentIndex().getMeta(slug));
  return Response.json(body, { headers: PRIVATE });
}
