// 继续阅读: which articles a reader opened lately and how far they got, per account, kept to the newest few dozen.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import {
  assertOwner,
  ownerCondition,
  ownerStillValid,
  withOwnerWrite,
  type WriteGuard,
} from '@/lib/accounts/guards/owner-guard';
import { readingHistory, users } from '@/lib/db/schema';
import type { ArticleMeta } from '@/lib/content/types';

/** Rows kept per reader: enough for the home page and the export, small enough that trimming stays cheap. */
export const READING_HISTORY_LIMIT = 50;

/** The first key of the advisory lock a reader's history trim takes (the second is the reader's). */
const TRIM_LOCK_CLASS = 0x48_48; // "HH": Hutong history

/** Articles the home page offers to continue. */
export const CONTINUE_READING_SIZE = 4;

export type HistoryEntry = { slug: string; openedAt: Date; progress: number | null };

/** One 继续阅读 item as the home page's island receives it: titles come from the server's content index. */
export type ContinueReadingItem = { slug: string; title: string; openedAt: string; progress: number | null };

/** A read fraction as stored: finite and within 0–1, else null (the request is refused by the caller). */
export function parseProgress(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

/**
 * Records that the reader opened an article now: one row per reader and article (an upsert, so a
 * reload or a retried request only moves its time), then drops whatever falls beyond the newest
 * READING_HISTORY_LIMIT. The read fraction of an earlier visit is kept until the reader leaves this one.
 */
export async function recordVisit(
  db: Db,
  userId: string,
  slug: string,
  guard: WriteGuard = {},
  limit = READING_HISTORY_LIMIT,
): Promise<void> {
  // Inserting from the users row checks the reader (and their session version) in the same statement.
  const written = await withOwnerWrite(`record visit to ${slug} for user ${userId}`, userId, () =>
    db
      .insert(readingHistory)
      .select(
        db
          .select({
            userId: users.id,
            slug: sql<string>`${slug}`.as('slug'),
            openedAt: sql<Date>`now()`.as('opened_at'),
            progress: sql<number | null>`null::real`.as('progress'),
          })
          .from(users)
          .where(ownerCondition(userId, guard)),
      )
      .onConflictDoUpdate({
        target: [readingHistory.userId, readingHistory.slug],
        set: { openedAt: sql`excluded.opened_at` },
      })
      .returning({ slug: readingHistory.slug }),
  );
  if (written.length === 0) {
    await assertOwner(db, userId, guard);
    return;
  }
  // Served by the (user, opened_at desc, slug) index: it reads at most limit + a few rows. Two trims of
  // one reader's rows at once would delete overlapping rows in whatever order each plan meets them, and
  // PostgreSQL ends one of them as a deadlock: a lock per reader, held to the end of the trim, lines them up.
  await withDbError(`trim reading history of user ${userId}`, () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${TRIM_LOCK_CLASS}, hashtext(${userId}))`);
      await tx.execute(sql`
        delete from ${readingHistory}
        where ${readingHistory.userId} = ${userId}
          and ${readingHistory.slug} in (
            select ${readingHistory.slug} from ${readingHistory}
            where ${readingHistory.userId} = ${userId}
            order by ${readingHistory.openedAt} desc, ${readingHistory.slug}
            offset ${limit}
          )`);
    }),
  );
}

/**
 * Stores how far the reader got when they leave an article. Only updates a row that exists: a late
 * report after the reader cleared their history must not bring the article back. Returns whether a row changed.
 */
export async function recordProgress(
  db: Db,
  userId: string,
  slug: string,
  progress: number,
  guard: WriteGuard = {},
): Promise<boolean> {
  const updated = await withDbError(`record progress in ${slug} for user ${userId}`, () =>
    db
      .update(readingHistory)
      .set({ progress })
      .where(and(eq(readingHistory.userId, userId), eq(readingHistory.slug, slug), ownerStillValid(userId, guard)))
      .returning({ slug: readingHistory.slug }),
  );
  if (updated.length === 0) await assertOwner(db, userId, guard);
  return updated.length > 0;
}

/** The reader's history, most recently opened first (the slug breaks ties of one instant). */
export async function readingHistoryOf(db: Db, userId: string, limit = READING_HISTORY_LIMIT): Promise<HistoryEntry[]> {
  return withDbError(`read reading history of user ${userId}`, () =>
    db
      .select({ slug: readingHistory.slug, openedAt: readingHistory.openedAt, progress: readingHistory.progress })
      .from(readingHistory)
      .where(eq(readingHistory.userId, userId))
      .orderBy(desc(readingHistory.openedAt), readingHistory.slug)
      .limit(limit),
  );
}

export async function countReadingHistory(db: Db, userId: string): Promise<number> {
  const rows = await withDbError(`count reading history of user ${userId}`, () =>
    db.select({ total: count() }).from(readingHistory).where(eq(readingHistory.userId, userId)),
  );
  return rows[0]?.total ?? 0;
}

/** 清除阅读记录; returns how many articles were forgotten. */
export async function clearReadingHistory(db: Db, userId: string): Promise<number> {
  const removed = await withDbError(`clear reading history of user ${userId}`, () =>
    db.delete(readingHistory).where(eq(readingHistory.userId, userId)).returning({ slug: readingHistory.slug }),
  );
  return removed.length;
}

/**
 * The home page's 继续阅读: the newest entries whose article is still published, with its current title.
 * An article that has left content/ (or gone back to draft) is skipped here, not shown as a dead link;
 * its row stays, so it is still in the export and returns if the article does.
 */
export function continueReading(
  entries: readonly HistoryEntry[],
  getMeta: (slug: string) => Pick<ArticleMeta, 'title'> | undefined,
  size = CONTINUE_READING_SIZE,
): ContinueReadingItem[] {
  const items: ContinueReadingItem[] = [];
  for (const entry of entries) {
    const meta = getMeta(entry.slug);
    if (!meta) continue;
    items.push({
      slug: entry.slug,
      title: meta.title,
      openedAt: entry.openedAt.toISOString(),
      progress: entry.progress,
    });
    if (items.length >= size) break;
  }
  return items;
}
