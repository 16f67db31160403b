// Fixed-window rate limiting stored in the database, so every server process (PGlite or PostgreSQL) shares one count.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';

export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitResult = {
  allowed: boolean;
  /** Attempts left in the current window after this one. */
  remaining: number;
  /** Whole seconds until the window resets (at least 1 when refused). */
  retryAfterSec: number;
};

/** Expired rows are swept now and then rather than by a job, which the embedded setup does not have. */
const SWEEP_PROBABILITY = 0.02;

/**
 * Counts one attempt against `key` and says whether it is within `rule`. The increment and the check
 * are one atomic upsert, so concurrent attempts can never all slip under the limit.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const nowIso = now.toISOString();
  const expired = sql`${rateLimits.resetAt} <= ${nowIso}::timestamptz`;
  const rows = await withDbError(`rate limit ${key}`, () =>
    db
      .insert(rateLimits)
      .values({ key, count: 1, resetAt: new Date(now.getTime() + rule.windowMs) })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${expired} then excluded.reset_at else ${rateLimits.resetAt} end`,
        },
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt }),
  );
  const row = rows[0];
  if (!row) throw new Error(`rate limit ${key}: the upsert returned no row`);
  if (Math.random() < SWEEP_PROBABILITY) {
    await withDbError('sweep expired rate limits', () => db.delete(rateLimits).where(lt(rateLimits.resetAt, now)));
  }
  const retryAfterSec = Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000));
  return { allowed: row.count <= rule.limit, remaining: Math.max(0, rule.limit - row.count), retryAfterSec };
}

/** Gives back one attempt (a success that should not count against the caller). */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await withDbError(`refund rate limit ${key}`, () =>
    db
      .update(rateLimits)
      .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
      .where(eq(rateLimits.key, key)),
  );
}

/** Forgets every attempt counted against `key`. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await withDbError(`reset rate limit ${key}`, () => db.delete(rateLimits).where(eq(rateLimits.key, key)));
}
