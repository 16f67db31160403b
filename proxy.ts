// Sends signed-out visitors of the account pages to sign-in first, and unknown listing addresses to the
// 404 page. The account check is optimistic (the cookie only): every page, route and action verifies the session itself.
import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth';
import { missingContentResponse } from '@/lib/site/missing-content';

const SIGNED_IN_PAGES = new Set(['/account', '/bookmarks', '/drafts']);

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!SIGNED_IN_PAGES.has(pathname)) {
    return missingContentResponse(request) ?? NextResponse.next();
  }
  const session = await auth();
  if (session?.user?.id) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Listing addresses pass through a lookup in the in-memory index (no auth work, no I/O) so unknown ones
// get a server-rendered 404. Article pages stay out: running the proxy on them cut a cached article's
// throughput about threefold here, and they are the hot path. Next needs this list literal.
export const config = {
  matcher: ['/account', '/bookmarks', '/drafts', '/page/:path*', '/categories/:path+', '/authors/:path+'],
};
