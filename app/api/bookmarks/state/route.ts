// GET /api/bookmarks/state?slug=a&slug=b → who is signed in and which of these articles they saved, for the static pages' buttons.
import { getCurrentUser } from '@/lib/auth';
import { bookmarkedAmong } from '@/lib/bookmarks';
import { getDb } from '@/lib/db/client';
import { isEditor } from '@/lib/editor-role';

export type BookmarkStateResponse = {
  user: { name: string | null; email: string; editor: boolean } | null;
  bookmarked: string[];
};

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ user: null, bookmarked: [] } satisfies BookmarkStateResponse, { headers: PRIVATE });
  const slugs = new URL(request.url).searchParams.getAll('slug');
  const saved = await bookmarkedAmong(await getDb(), user.id, slugs);
  const body: BookmarkStateResponse = { user: { name: user.name, email: user.email, editor: isEditor(user) }, bookmarked: [...saved] };
  return Response.json(body, { headers: PRIVATE });
}
