// POST /api/bookmarks: save, unsave or toggle one article. JSON for the button's fetch; a plain form post (no
// JavaScript) redirects back.
import type { BookmarkWriteResponse } from '@/lib/accounts/api-types';
import { getSessionClaims } from '@/lib/accounts/auth';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';
import { isCrossSite } from '@/lib/accounts/guards/cross-site';
import { isValidSlug, setBookmark, toggleBookmark, UserGoneError } from '@/lib/accounts/bookmarks';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';

type Intent = 'add' | 'remove' | 'toggle';
type Input = { slug: unknown; intent: Intent; returnTo: string | null; form: boolean };

const PRIVATE = { 'Cache-Control': 'private, no-store' };

function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

async function readInput(request: Request): Promise<Input | null> {
  try {
    if (isFormPost(request)) {
      const form = await request.formData();
      const intent = form.get('intent');
      const returnTo = form.get('returnTo');
      return {
        slug: form.get('slug'),
        intent: intent === 'remove' || intent === 'toggle' ? intent : 'add',
        returnTo: typeof returnTo === 'string' ? returnTo : null,
        form: true,
      };
    }
    const body = (await request.json()) as { slug?: unknown; bookmarked?: unknown };
    const intent: Intent = body.bookmarked === true ? 'add' : body.bookmarked === false ? 'remove' : 'toggle';
    return { slug: body.slug, intent, returnTo: null, form: false };
  } catch {
    return null;
  }
}

/** Where a form post returns to: the page it came from if it is on this site, else the article. */
function backPath(request: Request, input: Input, slug: string): string {
  const fallback = safeCallbackPath(input.returnTo, articlePath(slug));
  const referer = request.headers.get('referer');
  const origin = new URL(request.url).origin;
  return referer ? safeCallbackPath(referer, fallback, origin) : fallback;
}

function seeOther(location: string): Response {
  // A relative Location keeps the redirect on whatever host the reader used.
  return new Response(null, { status: 303, headers: { Location: location, ...PRIVATE } });
}

function signInRedirect(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return Response.json({ error: 'cross_site' }, { status: 403, headers: PRIVATE });
  const input = await readInput(request);
  if (!input || !isValidSlug(input.slug))
    return Response.json({ error: 'bad_request' }, { status: 400, headers: PRIVATE });
  const slug = input.slug;
  const articleReturn = safeCallbackPath(input.returnTo, articlePath(slug));

  // The cookie's claims only: the write itself checks that the account exists and the session is live.
  const session = await getSessionClaims();
  const signedOut = () =>
    input.form
      ? seeOther(signInRedirect(articleReturn))
      : Response.json(
          { error: 'signed_out', signInUrl: signInRedirect(articlePath(slug)) },
          { status: 401, headers: PRIVATE },
        );
  if (!session) return signedOut();

  // Only published articles can be saved; a saved article that has since gone can still be removed.
  if (input.intent !== 'remove' && !getContentIndex().getMeta(slug)) {
    return Response.json({ error: 'not_found' }, { status: 404, headers: PRIVATE });
  }

  let bookmarked: boolean;
  try {
    const db = await getDb();
    const guard = { sessionId: session.sessionId };
    bookmarked =
      input.intent === 'toggle'
        ? await toggleBookmark(db, session.userId, slug, guard)
        : await setBookmark(db, session.userId, slug, input.intent === 'add', guard);
  } catch (error) {
    if (error instanceof UserGoneError) return signedOut();
    console.error('[bookmarks] write failed:', error);
    return Response.json({ error: 'server_error' }, { status: 500, headers: PRIVATE });
  }
  if (input.form) return seeOther(backPath(request, input, slug));
  return Response.json({ slug, bookmarked } satisfies BookmarkWriteResponse, { headers: PRIVATE });
}
