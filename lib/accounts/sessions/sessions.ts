// Signed-in devices as rows. next-auth keeps the session in an encrypted cookie (JWT: the credentials
// provider allows no other strategy); the cookie carries the id of one of these rows, and a cookie whose
// row is gone is no longer honoured. So signing out ends the session on the server, a copied cookie dies
// with it, and 退出所有设备 or a new password ends every other device at once.
import crypto from 'node:crypto';
import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import { sessions, users } from '@/lib/db/schema';
import { accountColumns, type AccountUser } from '../users/account-user';

/** How long an unused session lives; every use (at most hourly) moves the end forward. */
export const SESSION_MAX_AGE_SEC = 30 * 24 * 60 * 60;
/** Use is written down at most this often, so a busy reader does not cost a write per request. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;
const SWEEP_PROBABILITY = 0.02;

export type DeviceSession = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null };

function expiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_MAX_AGE_SEC * 1000);
}

/** Starts a session for a reader who just signed in; returns its id, for the cookie. */
export async function createSession(db: Db, userId: string, now: Date = new Date()): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url');
  await withDbError(`start a session for user ${userId}`, () =>
    db.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, expiresAt: expiry(now) }),
  );
  if (Math.random() < SWEEP_PROBABILITY) {
    await withDbError('sweep ended sessions', () => db.delete(sessions).where(lt(sessions.expiresAt, now)));
  }
  return id;
}

/**
 * The account behind a live session, or null when the session has ended (signed out, expired, ended
 * from another device) or the account is gone. Notes the use at most hourly, with the device's
 * browser the first time.
 */
export async function findSessionUser(
  db: Db,
  userId: string,
  sessionId: string,
  options: { userAgent?: string | null; now?: Date } = {},
): Promise<AccountUser | null> {
  const now = options.now ?? new Date();
  const rows = await withDbError(`find session of user ${userId}`, () =>
    db
      .select({ ...accountColumns, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .limit(1),
  );
  const row = rows[0];
  if (!row) return null;
  const { lastSeenAt, userAgent, ...user } = row;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS || (userAgent === null && options.userAgent)) {
    await withDbError(`note use of a session of user ${userId}`, () =>
      db
        .update(sessions)
        .set({
          lastSeenAt: now,
          expiresAt: expiry(now),
          userAgent: sql`coalesce(${sessions.userAgent}, ${options.userAgent?.slice(0, 300) ?? null})`,
        })
        .where(eq(sessions.id, sessionId)),
    );
  }
  return user;
}

/** Ends one session (signing out). Ending one that is already gone is not an error. */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await withDbError('end a session', () => db.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Ends every session of a reader, or every one but `keep` (this device, after a password change). */
export async function endAllSessions(db: Db, userId: string, keep?: string): Promise<number> {
  const rows = await withDbError(`end the sessions of user ${userId}`, () =>
    db
      .delete(sessions)
      .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
      .returning({ id: sessions.id }),
  );
  return rows.length;
}

/** A reader's live sessions, most recently used first, for the device list. */
export async function listSessions(db: Db, userId: string, now: Date = new Date()): Promise<DeviceSession[]> {
  return withDbError(`list the sessions of user ${userId}`, () =>
    db
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastSeenAt), sessions.id),
  );
}

/** Ends one of the reader's own sessions from the device list; false when it was not theirs or is gone. */
export async function endOwnSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await withDbError(`end a session of user ${userId}`, () =>
    db
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id }),
  );
  return rows.length > 0;
}
