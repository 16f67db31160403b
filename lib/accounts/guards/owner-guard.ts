// Checks a reader's own row inside their writes: the account must still exist, and the session the
// write comes from must still be live (not signed out, not ended from another device).
import { and, eq, exists, gt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { DatabaseError, withDbError } from '@/lib/db/client';
import { sessions, users } from '@/lib/db/schema';

/** The reader's account no longer exists (deleted on another device while this session lived on). */
export class UserGoneError extends Error {
  override name = 'UserGoneError';
  constructor(readonly userId: string) {
    super(`User ${userId} does not exist`);
  }
}

/** Extra checks a write makes on the reader's row in the same statement, so no separate lookup is needed. */
export type WriteGuard = {
  /** The session the write comes from: an ended one is refused like a deleted account. */
  sessionId?: string;
};

function liveSession(userId: string, sessionId: string) {
  return exists(
    sql`(select 1 from ${sessions} where ${and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`))})`,
  );
}

/** The users-row condition a guarded write selects or tests in its own statement. */
export function ownerCondition(userId: string, guard: WriteGuard) {
  return guard.sessionId === undefined
    ? eq(users.id, userId)
    : and(eq(users.id, userId), liveSession(userId, guard.sessionId));
}

/**
 * For a write on the reader's own rows (a delete, an update): the condition that their session is still
 * live, or nothing when the write carries no session to check.
 */
export function ownerStillValid(userId: string, guard: WriteGuard) {
  return guard.sessionId === undefined ? undefined : liveSession(userId, guard.sessionId);
}

/** Tells "already in that state" apart from "no such reader" when a guarded write touched no row. */
export async function assertOwner(db: Db, userId: string, guard: WriteGuard): Promise<void> {
  const owner = await withDbError(`check user ${userId}`, () =>
    db.select({ id: users.id }).from(users).where(ownerCondition(userId, guard)),
  );
  if (owner.length === 0) throw new UserGoneError(userId);
}

/**
 * After a guarded update or delete of the reader's own rows: true when it touched one; false when the
 * reader simply has no such row; UserGoneError when the account or the session is gone.
 */
export async function touchedOwn(db: Db, userId: string, guard: WriteGuard, touched: number): Promise<boolean> {
  if (touched > 0) return true;
  await assertOwner(db, userId, guard);
  return false;
}

export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/**
 * Runs an insert that takes the reader's id from their users row: the account deleted between that
 * read and the insert shows up as a foreign-key violation, reported as UserGoneError like the other
 * guarded writes; anything else names the operation.
 */
export async function withOwnerWrite<T>(operation: string, userId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new UserGoneError(userId);
    throw new DatabaseError(operation, error);
  }
}
