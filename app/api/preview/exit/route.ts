// Leaves Draft Mode and goes back to where the editor came from: the published article, or /drafts.
import { draftMode } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { safeCallbackPath } from '@/lib/auth/callback-url';

export const dynamic = 'force-dynamic';

async function exit(request: NextRequest, next: unknown) {
  (await draftMode()).disable();
  return NextResponse.redirect(new URL(safeCallbackPath(next, '/drafts'), request.url), 303);
}

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  return exit(request, form?.get('next'));
}

export async function GET(request: NextRequest) {
  return exit(request, request.nextUrl.searchParams.get('next'));
}
