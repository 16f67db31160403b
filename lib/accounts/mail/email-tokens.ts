// The tokens in links mailed to a reader (verify the address, reset the password): 256 random bits,
// single use, expiring. Only their SHA-256 is stored, so the table cannot be replayed as links; a newer
// link of the same kind replaces the older one. A used token is kept (marked used) until it expires, so
// the same link sent twice — a double click, a form submitted before the page finished loading — is
// told it already worked instead of "expired", while granting nothing a second time.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import { emailTokens, type EmailTokenPurpose } from '@/lib/db/schema';

export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify: 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

export type TokenOwner = { userId: string; email: string };
/** What using a token found: its owner, and whether this use was the one that counted. */
export type TokenUse = TokenOwner & { firstUse: boolean };

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

/** A token looks like one of ours: anything else is refused before it reaches the database. */
function isWellFormed(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Issues a new link token for `purpose`, replacing any earlier one of that kind for the reader. */
export async function issueEmailToken(
  db: Db,
  owner: TokenOwner,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await withDbError(`issue a ${purpose} link for user ${owner.userId}`, async () => {
    await db.delete(emailTokens).where(and(eq(emailTokens.userId, owner.userId), eq(emailTokens.purpose, purpose)));
    await db.insert(emailTokens).values({
      tokenHash: hashToken(token),
      userId: owner.userId,
      purpose,
      email: owner.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    });
    // Expired links of everyone go now and then, with no job to run.
    if (Math.random() < 0.05) await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now));
  });
  return token;
}

/** Whom a live, unused token belongs to, without using it up (to show the form a link leads to). */
export async function peekEmailToken(
  db: Db,
  token: unknown,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<TokenOwner | null> {
  if (!isWellFormed(token)) return null;
  const rows = await withDbError(`read a ${purpose} link`, () =>
    db
      .select({ userId: emailTokens.userId, email: emailTokens.email })
      .from(emailTokens)
      .where(
        and(
          eq(emailTokens.tokenHash, hashToken(token)),
          eq(emailTokens.purpose, purpose),
          gt(emailTokens.expiresAt, now),
          isNull(emailTokens.usedAt),
        ),
      )
      .limit(1),
  );
  return rows[0] ?? null;
}

/**
 * Uses a token up. The first use gets its owner with `firstUse: true`; a later use of the same live
 * token gets the owner with `firstUse: false` (the caller may say it already worked, and must grant
 * nothing); an expired or unknown token gets null.
 */
export async function consumeEmailToken(
  db: Db,
  token: unknown,
  purpose: EmailTokenPurpose,
  now: Date = new Date(),
): Promise<TokenUse | null> {
  if (!isWellFormed(token)) return null;
  const hash = hashToken(token);
  const live = and(eq(emailTokens.tokenHash, hash), eq(emailTokens.purpose, purpose), gt(emailTokens.expiresAt, now));
  const first = await withDbError(`use a ${purpose} link`, () =>
    db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(live, isNull(emailTokens.usedAt)))
      .returning({ userId: emailTokens.userId, email: emailTokens.email }),
  );
  if (first[0]) return { ...first[0], firstUse: true };
  const again = await withDbError(`read a used ${purpose} link`, () =>
    db.select({ userId: emailTokens.userId, email: emailTokens.email }).from(emailTokens).where(live).limit(1),
  );
  return again[0] ? { ...again[0], firstUse: false } : null;
}
