// 稍后读 / 已读 and 收藏夹: what a reader does with the articles they saved. A saved article is 稍后读 until it is
// read to the end (or marked 已读 by hand, undoably); collections are named sets of saved articles (an item
// belongs to its bookmark: unsaving takes it out of every collection). Every write is guarded by the
// reader's session like bookmarks.
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import {
  assertOwner,
  ownerCondition,
  ownerStillValid,
  touchedOwn,
  UserGoneError,
  withOwnerWrite,
  type WriteGuard,
} from '@/lib/accounts/guards/owner-guard';
import { bookmarks, collectionItems, collections, users } from '@/lib/db/schema';

export { UserGoneError, type WriteGuard };

export const MAX_COLLECTIONS = 100;
export const MAX_COLLECTION_NAME = 40;

import type { ReadState } from '@/lib/accounts/bookmarks';

export type { ReadState };

export class CollectionLimitError extends Error {
  override name = 'CollectionLimitError';
  constructor() {
    super(`每个账号最多 ${MAX_COLLECTIONS} 个收藏夹`);
  }
}

export class CollectionNameTakenError extends Error {
  override name = 'CollectionNameTakenError';
  constructor(name: string) {
    super(`已经有一个叫“${name}”的收藏夹了`);
  }
}

export const collectionNameSchema = z
  .string({ error: '请填写收藏夹名称' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: '请填写收藏夹名称' })
      .max(MAX_COLLECTION_NAME, { error: `收藏夹名称最多 ${MAX_COLLECTION_NAME} 个字` })
      .refine((s) => s.isWellFormed() && !/\p{Cc}/u.test(s), { error: '收藏夹名称含有无效字符' }),
  );

export type Collection = { id: string; name: string; count: number; createdAt: string };

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Marks a saved article 已读 (or back to 稍后读). Returns the new state, or null when the reader has not saved
 * the article (reading state belongs to saved articles).
 */
export async function setReadState(
  db: Db,
  userId: string,
  slug: string,
  state: ReadState,
  guard: WriteGuard = {},
): Promise<ReadState | null> {
  const rows = await withDbError(`mark ${slug} ${state} for user ${userId}`, () =>
    db
      .update(bookmarks)
      // Marking an already-read article read again keeps when it was first read.
      .set({ readAt: state === 'read' ? sql`coalesce(${bookmarks.readAt}, now())` : null })
      .where(and(eq(bookmarks.userId, userId), eq(bookmarks.slug, slug), ownerStillValid(userId, guard)))
      .returning({ readAt: bookmarks.readAt }),
  );
  if (rows[0]) return rows[0].readAt ? 'read' : 'later';
  await assertOwner(db, userId, guard);
  return null;
}

export async function listCollections(db: Db, userId: string): Promise<Collection[]> {
  const rows = await withDbError(`list collections for user ${userId}`, () =>
    db
      .select({
        id: collections.id,
        name: collections.name,
        createdAt: collections.createdAt,
        count: sql<number>`(select count(*)::int from ${collectionItems} where ${collectionItems.collectionId} = ${collections.id})`,
      })
      .from(collections)
      .where(eq(collections.userId, userId))
      .orderBy(asc(collections.createdAt), asc(collections.id)),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.count), createdAt: r.createdAt.toISOString() }));
}

/** Creates a collection; the name is already checked (collectionNameSchema). */
export async function createCollection(
  db: Db,
  userId: string,
  name: string,
  guard: WriteGuard = {},
): Promise<Collection> {
  const id = crypto.randomUUID();
  let rows: { id: string; name: string; createdAt: Date }[];
  try {
    rows = await withOwnerWrite(`create collection for user ${userId}`, userId, () =>
      db
        .insert(collections)
        .select(
          db
            .select({
              id: sql<string>`${id}`.as('id'),
              userId: users.id,
              name: sql<string>`${name}`.as('name'),
              createdAt: sql<Date>`now()`.as('created_at'),
            })
            .from(users)
            .where(
              and(
                ownerCondition(userId, guard),
                sql`(select count(*) from ${collections} where ${collections.userId} = ${userId}) < ${MAX_COLLECTIONS}`,
              ),
            ),
        )
        .returning({ id: collections.id, name: collections.name, createdAt: collections.createdAt }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError(name);
    throw error;
  }
  const row = rows[0];
  if (!row) {
    await assertOwner(db, userId, guard);
    throw new CollectionLimitError();
  }
  return { id: row.id, name: row.name, count: 0, createdAt: row.createdAt.toISOString() };
}

/** Renames one of the reader's collections; false when they have no such collection. */
export async function renameCollection(
  db: Db,
  userId: string,
  id: string,
  name: string,
  guard: WriteGuard = {},
): Promise<boolean> {
  let rows: { id: string }[];
  try {
    rows = await withDbError(`rename collection ${id} for user ${userId}`, () =>
      db
        .update(collections)
        .set({ name })
        .where(and(eq(collections.id, id), eq(collections.userId, userId), ownerStillValid(userId, guard)))
        .returning({ id: collections.id }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError(name);
    throw error;
  }
  return touchedOwn(db, userId, guard, rows.length);
}

/** Deletes a collection (the articles stay saved); false when the reader has no such collection. */
export async function deleteCollection(db: Db, userId: string, id: string, guard: WriteGuard = {}): Promise<boolean> {
  const rows = await withDbError(`delete collection ${id} for user ${userId}`, () =>
    db
      .delete(collections)
      .where(and(eq(collections.id, id), eq(collections.userId, userId), ownerStillValid(userId, guard)))
      .returning({ id: collections.id }),
  );
  return touchedOwn(db, userId, guard, rows.length);
}

/**
 * Puts a saved article in one of the reader's collections, or takes it out. Adding saves the article first
 * when it was not saved. Returns false when the reader has no such collection.
 */
export async function setCollectionMember(
  db: Db,
  userId: string,
  collectionId: string,
  slug: string,
  member: boolean,
  guard: WriteGuard = {},
): Promise<boolean> {
  const owned = await withDbError(`find collection ${collectionId} for user ${userId}`, () =>
    db
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.id, collectionId), eq(collections.userId, userId))),
  );
  if (owned.length === 0) {
    await assertOwner(db, userId, guard);
    return false;
  }
  if (!member) {
    await withDbError(`remove ${slug} from collection ${collectionId}`, () =>
      db
        .delete(collectionItems)
        .where(
          and(
            eq(collectionItems.collectionId, collectionId),
            eq(collectionItems.slug, slug),
            eq(collectionItems.userId, userId),
            ownerStillValid(userId, guard),
          ),
        ),
    );
    await assertOwner(db, userId, guard);
    return true;
  }
  await withOwnerWrite(`add ${slug} to collection ${collectionId}`, userId, () =>
    db.transaction(async (tx) => {
      await tx
        .insert(bookmarks)
        .select(
          tx
            .select({
              userId: users.id,
              slug: sql<string>`${slug}`.as('slug'),
              createdAt: sql<Date>`now()`.as('created_at'),
              readAt: sql<Date | null>`null::timestamptz`.as('read_at'),
            })
            .from(users)
            .where(ownerCondition(userId, guard)),
        )
        .onConflictDoNothing();
      await tx
        .insert(collectionItems)
        .select(
          tx
            .select({
              collectionId: collections.id,
              userId: collections.userId,
              slug: sql<string>`${slug}`.as('slug'),
              addedAt: sql<Date>`now()`.as('added_at'),
            })
            .from(collections)
            .where(and(eq(collections.id, collectionId), eq(collections.userId, userId))),
        )
        .onConflictDoNothing();
    }),
  );
  // The insert of the bookmark selects nothing for an ended session; then the item's foreign key fails above.
  return true;
}

/** The reader's collections holding `slug`. */
export async function collectionsHolding(db: Db, userId: string, slug: string): Promise<Set<string>> {
  const rows = await withDbError(`collections holding ${slug} for user ${userId}`, () =>
    db
      .select({ id: collectionItems.collectionId })
      .from(collectionItems)
      .where(and(eq(collectionItems.userId, userId), eq(collectionItems.slug, slug))),
  );
  return new Set(rows.map((r) => r.id));
}

export type SavedFilter = { state?: ReadState; collectionId?: string };

/** Every saved article matching the filter (slug, when saved, read state), newest saved first. */
export async function savedArticles(
  db: Db,
  userId: string,
  filter: SavedFilter = {},
): Promise<{ slug: string; createdAt: Date; readAt: Date | null }[]> {
  const conditions = [
    eq(bookmarks.userId, userId),
    filter.state === 'read'
      ? isNotNull(bookmarks.readAt)
      : filter.state === 'later'
        ? isNull(bookmarks.readAt)
        : undefined,
    filter.collectionId
      ? sql`exists (select 1 from ${collectionItems} where ${collectionItems.collectionId} = ${filter.collectionId} and ${collectionItems.userId} = ${userId} and ${collectionItems.slug} = ${bookmarks.slug})`
      : undefined,
  ];
  return withDbError(`list saved articles for user ${userId}`, () =>
    db
      .select({ slug: bookmarks.slug, createdAt: bookmarks.createdAt, readAt: bookmarks.readAt })
      .from(bookmarks)
      .where(and(...conditions))
      .orderBy(sql`${bookmarks.createdAt} desc`, asc(bookmarks.slug)),
  );
}

/** How many articles the reader has saved, by state. */
export async function countSaved(db: Db, userId: string): Promise<{ all: number; later: number; read: number }> {
  const rows = await withDbError(`count saved articles for user ${userId}`, () =>
    db
      .select({ read: sql<boolean>`${bookmarks.readAt} is not null`, n: count() })
      .from(bookmarks)
      .where(eq(bookmarks.userId, userId))
      .groupBy(sql`${bookmarks.readAt} is not null`),
  );
  const read = Number(rows.find((r) => r.read)?.n ?? 0);
  const later = Number(rows.find((r) => !r.read)?.n ?? 0);
  return { all: read + later, later, read };
}

/** Every (collection, article) pair of the reader, for the account export. */
export async function collectionItemsOf(db: Db, userId: string): Promise<{ collectionId: string; slug: string }[]> {
  return withDbError(`list collection items for user ${userId}`, () =>
    db
      .select({ collectionId: collectionItems.collectionId, slug: collectionItems.slug })
      .from(collectionItems)
      .where(eq(collectionItems.userId, userId))
      .orderBy(asc(collectionItems.addedAt), asc(collectionItems.slug)),
  );
}
