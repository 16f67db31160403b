// Sends signed-out visitors of the account pages to sign-in first, and unknown content addresses to the
// 404 page. The account check is optimistic (the cookie only): every page, route and action verifies the session itself.
import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth';
import { missingContentResponse } from '@/lib/site/missing-content';

const SIGNED_IN_PAGES = new Set(['/account', '/bookmarks', '/drafts']);
/** Next.js's Draft Mode cookie. */
const DRAFT_MODE_COOKIE = '__prerender_bypass';

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!SIGNED_IN_PAGES.has(pathname)) {
    const missing = missingContentResponse(request);
    if (!missing) return NextResponse.next();
    // A draft at its future address, in Draft Mode: let a signed-in visitor through to the page, which
    // renders it only for an editor. Without a session (a copied cookie alone) it is the plain 404.
    if (request.cookies.has(DRAFT_MODE_COOKIE) && (await auth())?.user?.id) return NextResponse.next();
    return missing;
  }
  const session = await auth();
  if (session?.user?.id) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Content addresses pass through a lookup in the in-memory index (no auth work, no I/O) so unknown ones
// get a server-rendered 404; everything else stays out of the proxy. Next needs this list literal.
export const config = {
  matcher: ['/account', '/bookmarks', '/drafts', '/articles/:path*', '/page/:path*', '/categories/:path+', '/authors/:path+'],
};
