// Reader accounts in the database: sign-up, the throttled password checks, password changes and resets,
// address verification, roles and deletion.
import crypto from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { DatabaseError, withDbError } from '@/lib/db/client';
import { throttles, users, type UserRole, userRoles } from '@/lib/db/schema';
import { accountColumns, type AccountUser } from './account-user';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { endAllSessions } from '../sessions/sessions';
import { clearThrottle, refundAttempt, takeAttempt, type BackoffRule } from '../limits/throttle';
import { normalizeEmail } from './validation';

export type { AccountUser } from './account-user';

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

export async function createUser(
  db: Db,
  input: { email: string; password: string; name?: string | null },
): Promise<AccountUser> {
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
  const rows = await withDbError(`find user ${id}`, () =>
    db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1),
  );
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<AccountUser | null> {
  const normalized = normalizeEmail(email);
  const rows = await withDbError(`find user ${normalized}`, () =>
    db.select(accountColumns).from(users).where(eq(users.email, normalized)).limit(1),
  );
  return rows[0] ?? null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How fast guesses may come, by who is guessing. A browser that signed into the account before carries
 * a device cookie (lib/accounts/sessions/device-cookie.ts) and is limited on its own, so strangers failing on
 * purpose from anywhere never slow the owner down on their own devices; everyone else is limited per
 * account and address, per address across accounts (spraying), and per account across addresses
 * (a distributed guess), each with backoff rather than a wall. A reset by email always works and
 * forgets them all.
 */
export const SIGN_IN_RULES = {
  device: { free: 10, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, memoryMs: DAY },
  pair: { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, memoryMs: DAY },
  address: { free: 20, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, memoryMs: DAY },
  account: { free: 20, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, memoryMs: DAY },
} satisfies Record<string, BackoffRule>;

/** The current password typed on /account (change password, delete the account). */
export const PASSWORD_CHECK_RULE: BackoffRule = {
  free: 5,
  baseDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
  memoryMs: DAY,
};

/** Keys hash the email so the throttle table does not become a list of addresses people tried. */
function emailDigest(email: string): string {
  return crypto.createHash('sha256').update(normalizeEmail(email)).digest('base64url');
}

export function signInThrottleKeys(email: string, ip: string, device: string | null) {
  const digest = emailDigest(email);
  return {
    device: device ? `signin:device:${device}` : null,
    pair: `signin:pair:${digest}:${ip}`,
    address: `signin:ip:${ip}`,
    account: `signin:account:${digest}`,
  };
}

export type CredentialsResult =
  | { ok: true; user: AccountUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSec: number };

export type SignInAttempt = {
  email: string;
  password: string;
  ip: string;
  /** The device cookie's account and nonce, when the browser carries a valid one. */
  device?: { userId: string; nonce: string } | null;
};

/**
 * Checks an email and password under SIGN_IN_RULES. Each attempt is counted before the check (so a
 * burst of parallel guesses cannot all pass) and a success gives it back.
 */
export async function verifyCredentials(
  db: Db,
  input: SignInAttempt,
  now: Date = new Date(),
): Promise<CredentialsResult> {
  const email = normalizeEmail(input.email);
  const rows = await withDbError(`find user ${email} for sign-in`, () =>
    db
      .select({ ...accountColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .limit(1),
  );
  const row = rows[0];
  const knownDevice = row && input.device?.userId === row.id ? input.device.nonce : null;
  const keys = signInThrottleKeys(email, input.ip, knownDevice);
  const checks: [string, BackoffRule][] = knownDevice
    ? [[keys.device!, SIGN_IN_RULES.device]]
    : [
        [keys.pair, SIGN_IN_RULES.pair],
        [keys.address, SIGN_IN_RULES.address],
        [keys.account, SIGN_IN_RULES.account],
      ];
  const results = await Promise.all(checks.map(([key, rule]) => takeAttempt(db, key, rule, now)));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length > 0) {
    // No password was checked: give back the attempts the other keys let through.
    await Promise.all(checks.filter((_, i) => results[i]!.allowed).map(([key]) => refundAttempt(db, key)));
    return {
      ok: false,
      reason: 'rate_limited',
      retryAfterSec: Math.max(...refused.map((r) => (r.allowed ? 0 : r.retryAfterSec))),
    };
  }
  const valid = row?.passwordHash
    ? await verifyPassword(row.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!row || !valid) return { ok: false, reason: 'invalid' };
  await Promise.all(
    knownDevice
      ? [clearThrottle(db, keys.device!)]
      : [clearThrottle(db, keys.pair), clearThrottle(db, keys.account), refundAttempt(db, keys.address)],
  );
  const user: AccountUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerified,
    hasPassword: row.hasPassword,
    createdAt: row.createdAt,
  };
  return { ok: true, user };
}

export type PasswordCheckResult =
  | { ok: true }
  | { ok: false; reason: 'wrong_password' | 'no_password' | 'no_user' }
  | { ok: false; reason: 'rate_limited'; retryAfterSec: number };

/**
 * Checks a signed-in reader's current password, under PASSWORD_CHECK_RULE: someone holding a session
 * must not be able to guess it, then lock the owner out by changing it.
 */
async function checkCurrentPassword(
  db: Db,
  userId: string,
  password: string,
  now: Date,
): Promise<PasswordCheckResult & { hash?: string }> {
  const rows = await withDbError(`load password of user ${userId}`, () =>
    db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1),
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'no_user' };
  if (!row.passwordHash) return { ok: false, reason: 'no_password' };
  const key = `password-check:${userId}`;
  const attempt = await takeAttempt(db, key, PASSWORD_CHECK_RULE, now);
  if (!attempt.allowed) return { ok: false, reason: 'rate_limited', retryAfterSec: attempt.retryAfterSec };
  if (!(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong_password' };
  await clearThrottle(db, key);
  return { ok: true, hash: row.passwordHash };
}

export type ChangePasswordResult = PasswordCheckResult;

/**
 * Changes the password when the current one is right, and ends every other session (this device,
 * `keepSession`, stays signed in).
 */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSession?: string,
  now: Date = new Date(),
): Promise<ChangePasswordResult> {
  const check = await checkCurrentPassword(db, userId, currentPassword, now);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(newPassword);
  const updated = await withDbError(`change password of user ${userId}`, () =>
    db
      .update(users)
      .set({ passwordHash })
      // Guarded by the hash just checked, so two concurrent changes cannot both succeed on a stale password.
      .where(and(eq(users.id, userId), eq(users.passwordHash, check.hash!)))
      .returning({ id: users.id }),
  );
  if (updated.length === 0) return { ok: false, reason: 'wrong_password' };
  await endAllSessions(db, userId, keepSession);
  return { ok: true };
}

/**
 * Sets a new password through a reset link: the link proved the reader owns the address, so it is now
 * verified; every session ends and the sign-in throttles on the account are forgotten.
 */
export async function resetPassword(
  db: Db,
  userId: string,
  email: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<boolean> {
  const passwordHash = await hashPassword(newPassword);
  const updated = await withDbError(`reset password of user ${userId}`, () =>
    db
      .update(users)
      .set({ passwordHash, emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(users.id, userId), eq(users.email, normalizeEmail(email))))
      .returning({ id: users.id }),
  );
  if (updated.length === 0) return false;
  await endAllSessions(db, userId);
  const digest = emailDigest(email);
  await withDbError(`forget sign-in failures of user ${userId}`, () =>
    db
      .delete(throttles)
      .where(
        sql`${throttles.key} = ${`signin:account:${digest}`} or ${like(throttles.key, `signin:pair:${digest}:%`)} or ${throttles.key} = ${`password-check:${userId}`}`,
      ),
  );
  return true;
}

/** Marks the address verified, if the account still has the address the link was sent to. */
export async function markEmailVerified(
  db: Db,
  userId: string,
  email: string,
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await withDbError(`verify the email of user ${userId}`, () =>
    db
      .update(users)
      .set({ emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(users.id, userId), eq(users.email, normalizeEmail(email))))
      .returning({ id: users.id }),
  );
  return rows.length > 0;
}

export type DeleteAccountResult = PasswordCheckResult | { ok: false; reason: 'wrong_email' };

/**
 * Deletes the account and, by cascade, everything it owns. Confirmed by the current password (throttled),
 * or by retyping the email for accounts that have no password (GitHub / Google / OpenID Connect only).
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  confirmation: { password?: string; email?: string },
  now: Date = new Date(),
): Promise<DeleteAccountResult> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, reason: 'no_user' };
  if (user.hasPassword) {
    const check = await checkCurrentPassword(db, userId, confirmation.password ?? '', now);
    if (!check.ok) return check;
  } else if (normalizeEmail(confirmation.email ?? '') !== user.email) {
    return { ok: false, reason: 'wrong_email' };
  }
  await withDbError(`delete user ${userId}`, () => db.delete(users).where(eq(users.id, userId)));
  await clearThrottle(db, `password-check:${userId}`);
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
