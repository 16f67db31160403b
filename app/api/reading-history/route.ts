// POST /api/reading-history {slug} when a signed-in reader opens an article; {slug, progress} when they leave it
// (how far they read, 0–1).
import type { ReadingHistoryWriteResponse } from '@/lib/accounts/api-types';
import { getSessionClaims } from '@/lib/accounts/auth';
import { isCrossSite } from '@/lib/accounts/guards/cross-site';
import { isValidSlug } from '@/lib/accounts/bookmarks';
import { getContentIndex } from '@/lib/content/index';
import { getDb } from '@/lib/db/client';
import { UserGoneError } from '@/lib/accounts/guards/owner-guard';
import { parseProgress, recordProgress, recordVisit } from '@/lib/accounts/reading-history';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

function refuse(status: number, error: string, message: string): Response {
  return Response.json({ error, message } satisfies ReadingHistoryWriteResponse, { status, headers: PRIVATE });
}

/**
 * Both writes are single idempotent statements on the reader's own rows (an upsert, an update) and the
 * history is bounded, so a repeated or replayed request costs one cheap query and grows nothing: no
 * separate rate limit is needed beyond the session check.
 */
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return refuse(403, 'cross_site', 'Cross-site requests may not write reading history');
  let body: { slug?: unknown; progress?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return refuse(400, 'bad_request', 'The body must be JSON: {"slug": string, "progress"?: number}');
  }
  if (typeof body !== 'object' || body === null || !isValidSlug(body.slug)) {
    return refuse(400, 'bad_request', 'Field "slug" must be a non-empty string of at most 512 characters');
  }
  const slug = body.slug;
  const reportsProgress = body.progress !== undefined;
  const progress = parseProgress(body.progress);
  if (reportsProgress && progress === null)
    return refuse(400, 'bad_request', 'Field "progress" must be a number from 0 to 1');

  const session = await getSessionClaims();
  if (!session) return refuse(401, 'signed_out', 'Sign in to keep a reading history');
  // Drafts and unknown addresses are never recorded: only what the reader could open as a published article.
  if (!getContentIndex().getMeta(slug)) return refuse(404, 'not_found', `No published article has the slug "${slug}"`);

  try {
    const db = await getDb();
    const guard = { sessionId: session.sessionId };
    const recorded =
      progress === null
        ? (await recordVisit(db, session.userId, slug, guard), true)
        : await recordProgress(db, session.userId, slug, progress, guard);
    return Response.json({ slug, recorded } satisfies ReadingHistoryWriteResponse, { headers: PRIVATE });
  } catch (error) {
    if (error instanceof UserGoneError)
      return refuse(401, 'signed_out', 'This session no longer belongs to an account');
    console.error('[reading-history] write failed:', error);
    return refuse(500, 'server_error', 'The reading history could not be saved');
  }
}
