// Runs before the routes it matches (see `config` below):
// - the front door's request checks (server/front-door.mjs), for platforms that run Next without
//   `npm start`'s server in front: a foreign or oversized post to a page gets its 4xx instead of Next's 500;
// - signed-out visitors of the account pages go to sign-in first (optimistic, the cookie only: every
//   page, route and action verifies the session itself, CVE-2025-29927);
// - an unknown content address (article, listing) gets the site's real 404 page, server-rendered, and
//   costs no disk; an article's old or misspelt address redirects to it (lib/site/content-routes.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { refusalPage, refuseRequest } from '@/server/front-door.mjs';
import { missingContentResponse } from '@/lib/site/missing-content';

const SIGNED_IN_PAGES = new Set(['/account', '/bookmarks', '/highlights', '/following', '/drafts']);

/** A Draft Mode request may be an editor previewing a draft at its future address: the page decides. */
const PREVIEW_COOKIE = '__prerender_bypass';

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const refusal = refuseRequest({
    method: request.method,
    url: pathname,
    headers: Object.fromEntries(request.headers),
  });
  if (refusal) {
    return new NextResponse(refusalPage(refusal), {
      status: refusal.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...refusal.headers },
    });
  }
  if (SIGNED_IN_PAGES.has(pathname)) {
    // Loaded here, not at the top: next-auth, the accounts database and their schema are most of this
    // file's weight, and only these pages need them (the first request after start waits for it).
    const { auth } = await import('@/lib/accounts/auth');
    const session = await auth();
    if (session?.user?.id) return NextResponse.next();
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  if (pathname.startsWith('/articles/') && request.cookies.has(PREVIEW_COOKIE)) return NextResponse.next();
  return missingContentResponse(request) ?? NextResponse.next();
}

// Article addresses are matched too: `npm start` answers repeat requests for them from its response
// cache (and a CDN does on Vercel) before this runs, so it costs only the first, uncached request.
// Next needs this list literal.
export const config = {
  matcher: [
    '/account',
    '/bookmarks',
    '/highlights',
    '/following',
    '/drafts',
    '/signin',
    '/signup',
    '/forgot-password',
    '/reset-password',
    '/verify-email',
    '/articles/:path+',
    '/page/:path*',
    '/categories/:path+',
    '/authors/:path+',
    '/tags/:path+',
    '/archive/:path+',
    // Any other path that is not one of the site's own: it may be an article's old address (a Hexo
    // permalink or abbrlink), which redirects to the article.
    // Kept equal to SITE_ROUTE_HEADS in lib/site/content-routes.ts (a test compares them).
    '/((?!(?:_next|api|articles|categories|authors|tags|page|search|archive|feed\\.xml|atom\\.xml|sitemap\\.xml|sitemap|robots\\.txt|icon|icon\\.svg|sitemaps|favicon\\.ico|demo|account|bookmarks|highlights|following|drafts|signin|signup|forgot-password|reset-password|verify-email|_hutong)(?:/|$)).+)',
  ],
};
