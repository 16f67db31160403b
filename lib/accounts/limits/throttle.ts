// Backoff for guesses (a password typed at sign-in, the current password on /account): after a few
// free failures each further attempt on a key must wait twice as long as the last, up to a cap. Unlike
// a fixed window it never walls a key off for long, so a stranger who fails on purpose can only slow a
// key down, and the keys are chosen (lib/accounts/users/users.ts) so that the owner's own key is not the one a
// stranger fills. In the database, so every server process shares the counts.
import crypto from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import { throttles } from '@/lib/db/schema';

export type BackoffRule = {
  /** Failures allowed before any waiting. */
  free: number;
  /** The wait after the first failure past `free`; it doubles with each further one. */
  baseDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /** How long failures are remembered after the last one. */
  memoryMs: number;
};

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSec: number };

/** The wait required after `failures` failures (0 while they are free). */
export function backoffDelayMs(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.baseDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs);
}

const SWEEP_PROBABILITY = 0.02;

/**
 * Takes one attempt on `key`: counted as a failure up front (a success gives it back with
 * clearThrottle), so a burst of parallel guesses cannot all pass the check before any is counted. The
 * check and the count are one upsert; the attempt id tells whether this call's attempt was let through.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  rule: BackoffRule,
  now: Date = new Date(),
): Promise<ThrottleResult> {
  const attemptId = crypto.randomUUID();
  const nowIso = now.toISOString();
  const t = throttles;
  // Failures past `free` must wait base × 2^(failures − free), capped; forgotten once expired.
  const waitMs = sql`least(${rule.baseDelayMs}::float8 * power(2, greatest(${t.failures} - ${rule.free}, 0)), ${rule.maxDelayMs}::float8)`;
  const allowed = sql`(${t.expiresAt} <= ${nowIso}::timestamptz or ${t.failures} < ${rule.free}
    or ${t.lastFailureAt} + make_interval(secs => ${waitMs} / 1000) <= ${nowIso}::timestamptz)`;
  const expiresAt = new Date(now.getTime() + rule.memoryMs);
  const rows = await withDbError(`throttle ${key}`, () =>
    db
      .insert(t)
      .values({ key, failures: 1, lastFailureAt: now, attemptId, expiresAt })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures: sql`case when ${t.expiresAt} <= ${nowIso}::timestamptz then 1 when ${allowed} then ${t.failures} + 1 else ${t.failures} end`,
          lastFailureAt: sql`case when ${allowed} then excluded.last_failure_at else ${t.lastFailureAt} end`,
          attemptId: sql`case when ${allowed} then excluded.attempt_id else ${t.attemptId} end`,
          expiresAt: sql`case when ${allowed} then excluded.expires_at else ${t.expiresAt} end`,
        },
      })
      .returning({ failures: t.failures, lastFailureAt: t.lastFailureAt, attemptId: t.attemptId }),
  );
  const row = rows[0];
  if (!row) throw new Error(`throttle ${key}: the upsert returned no row`);
  if (Math.random() < SWEEP_PROBABILITY) {
    await withDbError('sweep expired throttles', () => db.delete(t).where(lt(t.expiresAt, now)));
  }
  if (row.attemptId === attemptId) return { allowed: true };
  const readyAt = row.lastFailureAt.getTime() + backoffDelayMs(row.failures, rule);
  return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((readyAt - now.getTime()) / 1000)) };
}

/** Forgets every failure on `key` (the right password was given). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await withDbError(`clear throttle ${key}`, () => db.delete(throttles).where(eq(throttles.key, key)));
}

/** Gives back the failure counted up front by takeAttempt, leaving earlier failures in place. */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await withDbError(`refund throttle ${key}`, () =>
    db
      .update(throttles)
      .set({ failures: sql`greatest(${throttles.failures} - 1, 0)` })
      .where(eq(throttles.key, key)),
  );
}
