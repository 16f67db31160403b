// Bookmark queries: add, remove, toggle, "which of these are saved" (with 稍后读/已读), the paginated list.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { queryRows, withDbError } from '@/lib/db/client';
import {
  assertOwner,
  ownerCondition,
  ownerStillValid,
  UserGoneError,
  withOwnerWrite,
  type WriteGuard,
} from '@/lib/accounts/guards/owner-guard';
import { bookmarks, users } from '@/lib/db/schema';

export { UserGoneError, type WriteGuard };

export const BOOKMARKS_PAGE_SIZE = 20;
/** Upper bound on slugs per state query: a list page shows far fewer, and it caps one request's cost. */
export const MAX_STATE_SLUGS = 100;
export const MAX_SLUG_LENGTH = 512;

export type SavedBookmark = { slug: string; createdAt: Date };

/**
 * A slug a request may name: a non-empty, bounded string of whole characters. JSON can carry a lone
 * surrogate ("\ud800") that no URL or database text can hold; it is a client's mistake (400), not ours.
 */
export function isValidSlug(slug: unknown): slug is string {
  return typeof slug === 'string' && slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && slug.isWellFormed();
}

/** Saves or unsaves an article; idempotent, so a repeated or retried request changes nothing more. Returns the new state. */
export async function setBookmark(
  db: Db,
  userId: string,
  slug: string,
  bookmarked: boolean,
  guard: WriteGuard = {},
): Promise<boolean> {
  if (bookmarked) {
    // Inserting from the users row checks the reader (and their session) in the same statement.
    const inserted = await withOwnerWrite(`add bookmark ${slug} for user ${userId}`, userId, () =>
      db
        .insert(bookmarks)
        .select(
          db
            .select({
              userId: users.id,
              slug: sql<string>`${slug}`.as('slug'),
              createdAt: sql<Date>`now()`.as('created_at'),
              readAt: sql<Date | null>`null::timestamptz`.as('read_at'),
            })
            .from(users)
            .where(ownerCondition(userId, guard)),
        )
        .onConflictDoNothing()
        .returning({ slug: bookmarks.slug }),
    );
    if (inserted.length === 0) await assertOwner(db, userId, guard);
    return true;
  }
  const removed = await withDbError(`remove bookmark ${slug} for user ${userId}`, () =>
    db
      .delete(bookmarks)
      .where(and(eq(bookmarks.userId, userId), eq(bookmarks.slug, slug), ownerStillValid(userId, guard)))
      .returning({ slug: bookmarks.slug }),
  );
  if (removed.length === 0) await assertOwner(db, userId, guard);
  return false;
}

/**
 * Flips one bookmark and returns the new state, in one round trip (the toggle_bookmark() function of
 * migration 0001). Toggles of one reader are serialised on their user row, so concurrent toggles
 * behave as if one after another: N toggles from "unsaved" end saved exactly when N is odd, and the
 * unique key keeps a single row either way.
 */
export async function toggleBookmark(db: Db, userId: string, slug: string, guard: WriteGuard = {}): Promise<boolean> {
  const rows = await withDbError(`toggle bookmark ${slug} for user ${userId}`, () =>
    queryRows<{ state: number }>(
      db,
      sql`select toggle_bookmark(${userId}, ${slug}, ${guard.sessionId ?? null}::text) as state`,
    ),
  );
  const state = rows[0]?.state;
  if (state === undefined || state < 0) throw new UserGoneError(userId);
  return state === 1;
}

export type ReadState = 'later' | 'read';

/**
 * Which of `slugs` the reader has saved, each with its reading state (已读 or 稍后读); a slug missing from the
 * map is not saved. At most MAX_STATE_SLUGS valid slugs are asked about.
 */
export async function savedAmong(db: Db, userId: string, slugs: readonly string[]): Promise<Map<string, ReadState>> {
  const wanted = [...new Set(slugs.filter(isValidSlug))].slice(0, MAX_STATE_SLUGS);
  if (wanted.length === 0) return new Map();
  const rows = await withDbError(`read bookmark state for user ${userId}`, () =>
    db
      .select({ slug: bookmarks.slug, readAt: bookmarks.readAt })
      .from(bookmarks)
      .where(and(eq(bookmarks.userId, userId), inArray(bookmarks.slug, wanted))),
  );
  return new Map(rows.map((r) => [r.slug, r.readAt ? 'read' : 'later']));
}

export type BookmarkPage = {
  items: SavedBookmark[];
  total: number;
  /** 1-based, clamped to the last page. */
  page: number;
  pageCount: number;
  pageSize: number;
};

/** Newest saved first; a page past the end returns the last page. */
export async function listBookmarks(
  db: Db,
  userId: string,
  page = 1,
  pageSize = BOOKMARKS_PAGE_SIZE,
): Promise<BookmarkPage> {
  const totals = await withDbError(`count bookmarks for user ${userId}`, () =>
    db.select({ total: count() }).from(bookmarks).where(eq(bookmarks.userId, userId)),
  );
  const total = totals[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const items = await withDbError(`list bookmarks for user ${userId}`, () =>
    db
      .select({ slug: bookmarks.slug, createdAt: bookmarks.createdAt })
      .from(bookmarks)
      .where(eq(bookmarks.userId, userId))
      // The slug breaks ties between bookmarks saved in the same instant, so pages never overlap.
      .orderBy(desc(bookmarks.createdAt), bookmarks.slug)
      .limit(pageSize)
      .offset((current - 1) * pageSize),
  );
  return { items, total, page: current, pageCount, pageSize };
}
