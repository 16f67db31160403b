// Leaves Draft Mode and goes back to where the editor came from: the published article, or /drafts.
import { draftMode } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';

export const dynamic = 'force-dynamic';

async function exit(next: unknown) {
  (await draftMode()).disable();
  // Relative on purpose: request.url names the host Next was bound to, not the one the browser used.
  return new NextResponse(null, { status: 303, headers: { Location: safeCallbackPath(next, '/drafts') } });
}

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  return exit(form?.get('next'));
}

export async function GET(request: NextRequest) {
  return exit(request.nextUrl.searchParams.get('next'));
}
