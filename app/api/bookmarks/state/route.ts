// GET /api/bookmarks/state?slug=a&slug=b[&history=1][&highlights=a][&follow=kind:name][&follows=1] → who is signed
// in, which of these articles they saved (and which of those they have read), (for the home page's 继续阅读) what
// they read lately, (for an article page) their highlights and note on it, (for a listing's 关注 button) whether
// they follow it, and (for the header) how many followed articles are new: the static pages' one per-reader
// request.
import { getCurrentUser } from '@/lib/accounts/auth';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';
import { isEditor } from '@/lib/accounts/editor-role';
import type { BookmarkStateResponse } from '@/lib/accounts/api-types';
import { continueReading, readingHistoryOf } from '@/lib/accounts/reading-history';
import { highlightsOf } from '@/lib/accounts/highlights';
import { countNewFollowed, followKey, followsOf, followsSeenAt, parseFollowKey } from '@/lib/accounts/follows';
import { isValidSlug, savedAmong } from '@/lib/accounts/bookmarks';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ user: null, bookmarked: [] } satisfies BookmarkStateResponse, { headers: PRIVATE });
  const params = new URL(request.url).searchParams;
  const db = await getDb();
  const highlightSlug = params.get('highlights');
  const askedFollows = params
    .getAll('follow')
    .slice(0, 20)
    .map(parseFollowKey)
    .filter((f) => f !== null);
  const wantFollows = askedFollows.length > 0 || params.get('follows') === '1';
  const [saved, history, highlights, followed, seenAt] = await Promise.all([
    savedAmong(db, user.id, params.getAll('slug')),
    params.get('history') === '1' ? readingHistoryOf(db, user.id) : null,
    isValidSlug(highlightSlug) ? highlightsOf(db, user.id, highlightSlug) : null,
    wantFollows ? followsOf(db, user.id) : null,
    params.get('follows') === '1' ? followsSeenAt(db, user.id) : null,
  ]);
  const body: BookmarkStateResponse = {
    user: { name: user.name, email: user.email, editor: isEditor(user) },
    bookmarked: [...saved.keys()],
    read: [...saved].filter(([, state]) => state === 'read').map(([slug]) => slug),
  };
  if (highlights) body.highlights = highlights;
  if (followed) {
    const keys = new Set(followed.map(followKey));
    body.following = askedFollows.map(followKey).filter((k) => keys.has(k));
    if (params.get('follows') === '1') {
      const index = getContentIndex();
      body.followingNew = countNewFollowed((kind, name, limit) => index.listing(kind, name, limit), followed, seenAt);
    }
  }
  if (history) body.history = continueReading(history, (slug) => getContentIndex().getMeta(slug));
  return Response.json(body, { headers: PRIVATE });
}
