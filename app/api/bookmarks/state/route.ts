// GET /api/bookmarks/state?slug=a&slug=b[&history=1] → who is signed in, which of these articles they saved and
// (for the home page's 继续阅读) what they read lately: the static pages' one per-reader request.
import { getCurrentUser } from '@/lib/auth';
import { bookmarkedAmong } from '@/lib/bookmarks';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';
import { isEditor } from '@/lib/editor-role';
import { continueReading, readingHistoryOf, type ContinueReadingItem } from '@/lib/reading-history';

export type BookmarkStateResponse = {
  user: { name: string | null; email: string; editor: boolean } | null;
  bookmarked: string[];
  /** Only when asked for with `history=1`: the newest still-published articles the reader opened. */
  history?: ContinueReadingItem[];
};

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
  const body: BookmarkStateResponse = { user: { name: user.name, email: user.email, editor: isEditor(user) }, bookmarked: [...saved] };
  if (history) body.history = continueReading(history, (slug) => getContentIndex().getMeta(slug));
  return Response.json(body, { headers: PRIVATE });
}
