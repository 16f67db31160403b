// Sends signed-out visitors of the account pages to sign-in first. Only an optimistic check on the
// cookie: each page, route and action still verifies the session itself against the database.
import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth';

export async function proxy(request: NextRequest) {
  const session = await auth();
  if (session?.user?.id) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Article and list pages stay out of the proxy entirely, so they are served static with no auth work.
export const config = { matcher: ['/account', '/bookmarks'] };
