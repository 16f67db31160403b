// Turns on Draft Mode for an editor and opens the article at its future address. Everyone else gets
// a 404, so the route says nothing about which drafts exist.
import { draftMode } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { getSessionClaims } from '@/lib/accounts/auth';
import { articlePath } from '@/lib/content/paths';
import { getCurrentEditor } from '@/lib/accounts/editors';
import { previewArticle } from '@/lib/content/preview';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get('slug') ?? '';
  const editor = await getCurrentEditor();
  if (!editor) {
    if (!(await getSessionClaims())) {
      return seeOther(`/signin?callbackUrl=${encodeURIComponent(`/api/preview?slug=${encodeURIComponent(slug)}`)}`);
    }
    return new NextResponse('Not Found', { status: 404 });
  }
  if (!slug || !previewArticle(slug)) {
    return new NextResponse(`没有找到地址为 “${slug}” 的文章或草稿。`, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  (await draftMode()).enable();
  return seeOther(articlePath(slug));
}

/**
 * A relative redirect: request.url carries the host Next was bound to (localhost), which may not be the
 * one the browser used, and the Draft Mode cookie just set belongs to the browser's host.
 */
function seeOther(location: string) {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}
