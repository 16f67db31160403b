// Reader accounts in the database: sign-up, the rate-limited password check, password changes, roles and deletion.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { DatabaseError, withDbError } from '@/lib/db/client';
import { users, type UserRole, userRoles } from '@/lib/db/schema';
import { hitRateLimit, refundRateLimit, resetRateLimit, type RateLimitRule } from '@/lib/rate-limit';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { normalizeEmail } from './validation';

/** What the app may know about a reader: never the password hash. */
export type AccountUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  sessionVersion: number;
  hasPassword: boolean;
  createdAt: Date;
};

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
  createdAt: users.createdAt,
};

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor(readonly email: string) {
    super(`An account with the email ${email} already exists`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function createUser(db: Db, input: { email: string; password: string; name?: string | null }): Promise<AccountUser> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    const rows = await db
      .insert(users)
      .values({ email, passwordHash, name: input.name ?? null })
      .returning(accountColumns);
    const row = rows[0];
    if (!row) throw new Error('the insert returned no row');
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email);
    throw new DatabaseError(`create user ${email}`, error);
  }
}

export async function findUserById(db: Db, id: string): Promise<AccountUser | null> {
  const rows = await withDbError(`find user ${id}`, () => db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1));
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<AccountUser | null> {
  const normalized = normalizeEmail(email);
  const rows = await withDbError(`find user ${normalized}`, () =>
    db.select(accountColumns).from(users).where(eq(users.email, normalized)).limit(1),
  );
  return rows[0] ?? null;
}

export const SIGN_IN_RULE: RateLimitRule = { limit: 5, windowMs: 60_000 };

/** Keys hash the email so the limiter table does not become a list of addresses people tried. */
export function signInRateLimitKeys(email: string, ip: string): { email: string; ip: string } {
  const digest = crypto.createHash('sha256').update(normalizeEmail(email)).digest('base64url');
  return { email: `signin:email:${digest}`, ip: `signin:ip:${ip}` };
}

function withoutHash(row: AccountUser & { passwordHash: string | null }): AccountUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion, hasPassword: row.hasPassword, createdAt: row.createdAt };
}

export type CredentialsResult =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSec: number };

/**
 * Checks an email and password, at most `rule.limit` failures per minute per email and per IP.
 * The attempt is counted before the check (so a burst of parallel guesses cannot all pass), and a
 * success gives its count back: only failures use up the allowance.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  rule: RateLimitRule = SIGN_IN_RULE,
  now: Date = new Date(),
): Promise<CredentialsResult> {
  const email = normalizeEmail(input.email);
  const keys = signInRateLimitKeys(email, input.ip);
  const [byEmail, byIp] = await Promise.all([hitRateLimit(db, keys.email, rule, now), hitRateLimit(db, keys.ip, rule, now)]);
  if (!byEmail.allowed || !byIp.allowed) {
    const waits = [byEmail, byIp].filter((r) => !r.allowed).map((r) => r.retryAfterSec);
    return { ok: false, reason: 'rate_limited', retryAfterSec: Math.max(...waits) };
  }
  const rows = await withDbError(`find user ${email} for sign-in`, () =>
    db
      .select({ ...accountColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .limit(1),
  );
  const row = rows[0];
  const valid = row?.passwordHash ? await verifyPassword(row.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!row || !valid) return { ok: false, reason: 'invalid' };
  await Promise.all([resetRateLimit(db, keys.email), refundRateLimit(db, keys.ip)]);
  return { ok: true, user: withoutHash(row) };
}

export type ChangePasswordResult = { ok: true; sessionVersion: number } | { ok: false; reason: 'wrong_password' | 'no_password' | 'no_user' };

/** Changes the password and bumps the session version, which signs out every other device. */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const rows = await withDbError(`load password of user ${userId}`, () =>
    db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1),
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'no_user' };
  const oldHash = row.passwordHash;
  if (!oldHash) return { ok: false, reason: 'no_password' };
  if (!(await verifyPassword(oldHash, currentPassword))) return { ok: false, reason: 'wrong_password' };
  const passwordHash = await hashPassword(newPassword);
  const updated = await withDbError(`change password of user ${userId}`, () =>
    db
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      // Guarded by the hash just checked, so two concurrent changes cannot both succeed on a stale password.
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash)))
      .returning({ sessionVersion: users.sessionVersion }),
  );
  const next = updated[0];
  return next ? { ok: true, sessionVersion: next.sessionVersion } : { ok: false, reason: 'wrong_password' };
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: 'wrong_password' | 'wrong_email' | 'no_user' };

/**
 * Deletes the account and, by cascade, its bookmarks and OAuth links. Confirmed by the current
 * password, or by retyping the email for accounts that have no password (GitHub / Google only).
 */
export async function deleteAccount(db: Db, userId: string, confirmation: { password?: string; email?: string }): Promise<DeleteAccountResult> {
  const rows = await withDbError(`load user ${userId} for deletion`, () =>
    db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1),
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'no_user' };
  if (row.passwordHash) {
    if (!confirmation.password || !(await verifyPassword(row.passwordHash, confirmation.password))) return { ok: false, reason: 'wrong_password' };
  } else if (normalizeEmail(confirmation.email ?? '') !== row.email) {
    return { ok: false, reason: 'wrong_email' };
  }
  await withDbError(`delete user ${userId}`, () => db.delete(users).where(eq(users.id, userId)));
  return { ok: true };
}

export function isUserRole(value: string): value is UserRole {
  return (userRoles as readonly string[]).includes(value);
}

/** Sets a reader's role by email; false when no account has that email. */
export async function setUserRole(db: Db, email: string, role: UserRole): Promise<boolean> {
  const normalized = normalizeEmail(email);
  const rows = await withDbError(`set role of ${normalized}`, () =>
    db.update(users).set({ role }).where(eq(users.email, normalized)).returning({ id: users.id }),
  );
  return rows.length > 0;
}
