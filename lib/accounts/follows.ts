// 关注: the categories, authors and tags a reader follows, the newest articles from all of them (我的关注), and
// how many are new since the reader last looked (the header's count). Follows are rows; the articles come
// from the content index, so a scheduled article counts from the moment it goes live.
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import {
  assertOwner,
  ownerCondition,
  ownerStillValid,
  UserGoneError,
  withOwnerWrite,
  type WriteGuard,
} from '@/lib/accounts/guards/owner-guard';
import { followKinds, follows, followViews, users, type FollowKind } from '@/lib/db/schema';
import type { ArticleMeta } from '@/lib/content/types';

export { UserGoneError, type WriteGuard, type FollowKind };

export const MAX_FOLLOWS = 200;
/** A count past this shows as 99+. */
export const NEW_COUNT_CAP = 99;

export type Follow = { kind: FollowKind; name: string };

export class FollowLimitError extends Error {
  override name = 'FollowLimitError';
  constructor() {
    super(`每个账号最多关注 ${MAX_FOLLOWS} 个分类、作者或标签`);
  }
}

export const followSchema = z.object(
  {
    kind: z.enum(followKinds, { error: '只能关注分类、作者或标签' }),
    name: z
      .string({ error: '缺少名称' })
      .min(1, { error: '缺少名称' })
      .max(200, { error: '名称太长' })
      .refine((s) => s.isWellFormed(), { error: '名称含有无效字符' }),
    follow: z.boolean({ error: 'follow 应为 true 或 false' }),
  },
  { error: '请求内容应为 JSON 对象' },
);

export const followKey = (f: Follow) => `${f.kind}:${f.name}`;

/** Parses `kind:name` (the state request's `follow=` parameter). */
export function parseFollowKey(value: string): Follow | null {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const name = value.slice(at + 1);
  if (at < 1 || !name || name.length > 200 || !name.isWellFormed()) return null;
  return (followKinds as readonly string[]).includes(kind) ? { kind: kind as FollowKind, name } : null;
}

/** Follows (true) or unfollows; idempotent. Returns the new state. */
export async function setFollow(
  db: Db,
  userId: string,
  follow: Follow,
  on: boolean,
  guard: WriteGuard = {},
): Promise<boolean> {
  if (!on) {
    await withDbError(`unfollow ${followKey(follow)} for user ${userId}`, () =>
      db
        .delete(follows)
        .where(
          and(
            eq(follows.userId, userId),
            eq(follows.kind, follow.kind),
            eq(follows.name, follow.name),
            ownerStillValid(userId, guard),
          ),
        ),
    );
    await assertOwner(db, userId, guard);
    return false;
  }
  const rows = await withOwnerWrite(`follow ${followKey(follow)} for user ${userId}`, userId, () =>
    db
      .insert(follows)
      .select(
        db
          .select({
            userId: users.id,
            kind: sql<string>`${follow.kind}`.as('kind'),
            name: sql<string>`${follow.name}`.as('name'),
            createdAt: sql<Date>`now()`.as('created_at'),
          })
          .from(users)
          .where(
            and(
              ownerCondition(userId, guard),
              sql`(select count(*) from ${follows} where ${follows.userId} = ${userId}) < ${MAX_FOLLOWS}`,
            ),
          ),
      )
      .onConflictDoNothing()
      .returning({ name: follows.name }),
  );
  if (rows.length > 0) return true;
  await assertOwner(db, userId, guard);
  // Nothing inserted for a live reader: already followed, or at the limit.
  const already = await followingAmong(db, userId, [follow]);
  if (already.size > 0) return true;
  throw new FollowLimitError();
}

/** Everything the reader follows, in the order they followed it. */
export async function followsOf(db: Db, userId: string): Promise<(Follow & { createdAt: Date })[]> {
  return withDbError(`list follows for user ${userId}`, () =>
    db
      .select({ kind: follows.kind, name: follows.name, createdAt: follows.createdAt })
      .from(follows)
      .where(eq(follows.userId, userId))
      .orderBy(asc(follows.createdAt), asc(follows.kind), asc(follows.name)),
  );
}

/** Which of `wanted` the reader follows, as keys (`kind:name`). */
export async function followingAmong(db: Db, userId: string, wanted: readonly Follow[]): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  const keys = new Set(wanted.map(followKey));
  const all = await followsOf(db, userId);
  return new Set(all.map(followKey).filter((k) => keys.has(k)));
}

/** When the reader last looked at 我的关注; null if never. */
export async function followsSeenAt(db: Db, userId: string): Promise<Date | null> {
  const rows = await withDbError(`read follow view for user ${userId}`, () =>
    db.select({ seenAt: followViews.seenAt }).from(followViews).where(eq(followViews.userId, userId)),
  );
  return rows[0]?.seenAt ?? null;
}

/** Records that the reader has seen everything published up to `at` (never moves back). */
export async function markFollowsSeen(db: Db, userId: string, at: Date, guard: WriteGuard = {}): Promise<void> {
  await withOwnerWrite(`mark follows seen for user ${userId}`, userId, () =>
    db
      .insert(followViews)
      .select(
        db
          .select({ userId: users.id, seenAt: sql<Date>`${at.toISOString()}::timestamptz`.as('seen_at') })
          .from(users)
          .where(ownerCondition(userId, guard)),
      )
      .onConflictDoUpdate({
        target: followViews.userId,
        set: { seenAt: sql`greatest(${followViews.seenAt}, excluded.seen_at)` },
      }),
  );
  await assertOwner(db, userId, guard);
}

type Listing = (kind: FollowKind, name: string, limit: number) => ArticleMeta[];

/**
 * The newest articles across everything followed, each once, newest first, at most `limit`; each with the
 * follows that brought it.
 */
export function followedArticles<F extends Follow>(
  listing: Listing,
  followed: readonly F[],
  limit: number,
): { meta: ArticleMeta; via: F[] }[] {
  const bySlug = new Map<string, { meta: ArticleMeta; via: F[] }>();
  for (const f of followed) {
    for (const meta of listing(f.kind, f.name, limit)) {
      const entry = bySlug.get(meta.slug);
      if (entry) entry.via.push(f);
      else bySlug.set(meta.slug, { meta, via: [f] });
    }
  }
  return [...bySlug.values()]
    .sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug))
    .slice(0, limit);
}

/**
 * How many followed articles are new, capped: published after the reader last looked at 我的关注 and after
 * they began following what brought them (following a busy category does not make its archive "new").
 */
export function countNewFollowed(
  listing: Listing,
  followed: readonly (Follow & { createdAt: Date })[],
  since: Date | null,
): number {
  const counted = new Set<string>();
  for (const f of followed) {
    const after = Math.max(since?.getTime() ?? -Infinity, f.createdAt.getTime());
    for (const meta of listing(f.kind, f.name, NEW_COUNT_CAP + 1)) {
      if (Date.parse(meta.date) <= after) break;
      counted.add(meta.slug);
      if (counted.size > NEW_COUNT_CAP) return counted.size;
    }
  }
  return counted.size;
}

/** Whether an article counts as 新 on 我的关注 (the same rule as the count). */
export function isNewFollowed(
  meta: ArticleMeta,
  via: readonly (Follow & { createdAt?: Date })[],
  since: Date | null,
): boolean {
  const date = Date.parse(meta.date);
  return via.some((f) => date > Math.max(since?.getTime() ?? -Infinity, f.createdAt?.getTime() ?? -Infinity));
}
