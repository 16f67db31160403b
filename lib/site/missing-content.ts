// Proxy step: an address shaped like content that does not exist gets the site's real 404 page,
// server-rendered (see content-routes.ts for why the page's own notFound() is not enough).
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { getBuiltContentIndex } from '@/lib/content/built-index';
import { contentRouteStatus } from './content-routes';

/**
 * The 404 response for a missing content address, a 308 for an old or misspelt address of an article,
 * or null to let the request through — also while no build has written the index (`next dev` before its
 * first page, which compiles it: the page's own notFound() answers until then).
 */
export function missingContentResponse(request: NextRequest): NextResponse | null {
  // The built index only: compiling one would load the Markdown pipeline into the proxy, which every
  // fresh server loads before its first answer.
  const index = getBuiltContentIndex();
  if (index === null) return null;
  const status = contentRouteStatus(request.nextUrl.pathname, index, getConfig().pageSize);
  if (typeof status === 'object') {
    // Next needs an absolute Location here; built from nextUrl it keeps the host the reader used.
    const target = new URL(status.redirect, request.nextUrl);
    target.search = request.nextUrl.search;
    return NextResponse.redirect(target, 308);
  }
  if (status !== 'missing') return null;
  // No route matches this path, so Next renders app/not-found.tsx as a normal static 404.
  return NextResponse.rewrite(new URL('/_hutong/not-found', request.url), { status: 404 });
}
