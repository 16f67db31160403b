import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import { runMigrations } from '@/lib/db/client';
import { UserGoneError } from '@/lib/accounts/guards/owner-guard';
import { readingHistory, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';
import {
  clearReadingHistory,
  continueReading,
  countReadingHistory,
  parseProgress,
  readingHistoryOf,
  recordProgress,
  recordVisit,
} from './reading-history';

describe('continueReading', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  const titles: Record<string, string> = { a: '甲', b: '乙', d: '丁', e: '戊' };
  const getMeta = (slug: string) => (titles[slug] ? { title: titles[slug] } : undefined);

  it('takes the newest entries whose article is still published, titled from the index', () => {
    const entries = ['a', 'gone', 'b', 'd', 'e'].map((slug, i) => ({
      slug,
      openedAt: at(10 - i),
      progress: i === 0 ? 0.4 : null,
    }));
    expect(continueReading(entries, getMeta, 3)).toEqual([
      { slug: 'a', title: '甲', openedAt: at(10).toISOString(), progress: 0.4 },
      { slug: 'b', title: '乙', openedAt: at(8).toISOString(), progress: null },
      { slug: 'd', title: '丁', openedAt: at(7).toISOString(), progress: null },
    ]);
  });

  it('is empty when nothing in the history is still published', () => {
    expect(continueReading([{ slug: 'gone', openedAt: at(1), progress: 1 }], getMeta)).toEqual([]);
  });
});

describe('parseProgress', () => {
  it('accepts fractions from 0 to 1 and nothing else', () => {
    expect([0, 0.5, 1].map(parseProgress)).toEqual([0, 0.5, 1]);
    expect([-0.1, 1.01, Number.NaN, Infinity, '0.5', null, undefined].map(parseProgress)).toEqual(Array(7).fill(null));
  });
});

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('reading history', backend), () => {
    let t: TestDatabase;
    let userId: string;
    let n = 0;

    beforeAll(async () => {
      t = await backend.open();
    });
    afterAll(async () => {
      await t?.destroy();
    });
    beforeEach(async () => {
      n += 1;
      userId = (await createUser(t.db, { email: `history${n}@example.com`, password: 'correct horse' })).id;
    });

    const rowsOf = (id: string) => t.db.select().from(readingHistory).where(eq(readingHistory.userId, id));

    it('records a second visit to one article as one row with the newer time, newest article first', async () => {
      await recordVisit(t.db, userId, 'a');
      const [first] = await rowsOf(userId);
      await recordVisit(t.db, userId, 'b');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await recordVisit(t.db, userId, 'a');
      const rows = await rowsOf(userId);
      expect(rows).toHaveLength(2);
      const again = rows.find((r) => r.slug === 'a')!;
      expect(again.openedAt.getTime()).toBeGreaterThan(first!.openedAt.getTime());
      expect((await readingHistoryOf(t.db, userId)).map((e) => e.slug)).toEqual(['a', 'b']);
    });

    it('keeps the read fraction across a revisit until the reader leaves again', async () => {
      await recordVisit(t.db, userId, 'long');
      expect((await readingHistoryOf(t.db, userId))[0]?.progress).toBeNull();
      expect(await recordProgress(t.db, userId, 'long', 0.4)).toBe(true);
      await recordVisit(t.db, userId, 'long');
      expect((await readingHistoryOf(t.db, userId))[0]?.progress).toBeCloseTo(0.4);
      expect(await recordProgress(t.db, userId, 'long', 1)).toBe(true);
      expect((await readingHistoryOf(t.db, userId))[0]?.progress).toBe(1);
    });

    it('does not bring back an article by a progress report alone (after clearing, say)', async () => {
      expect(await recordProgress(t.db, userId, 'never-opened', 0.7)).toBe(false);
      expect(await rowsOf(userId)).toHaveLength(0);
    });

    it('the database refuses a fraction outside 0–1', async () => {
      await recordVisit(t.db, userId, 'a');
      await expect(recordProgress(t.db, userId, 'a', 1.5)).rejects.toThrow(/record progress in a/);
    });

    it('keeps only the newest entries per reader, and leaves other readers alone', async () => {
      const other = (await createUser(t.db, { email: `neighbour${n}@example.com`, password: 'correct horse' })).id;
      await recordVisit(t.db, other, 'theirs');
      for (let i = 0; i < 8; i++) await recordVisit(t.db, userId, `article-${i}`, {}, 5);
      const kept = await readingHistoryOf(t.db, userId);
      expect(kept.map((e) => e.slug)).toEqual(['article-7', 'article-6', 'article-5', 'article-4', 'article-3']);
      expect(await countReadingHistory(t.db, userId)).toBe(5);
      // Reopening an old-but-kept article moves it to the front without dropping anything else.
      await recordVisit(t.db, userId, 'article-3', {}, 5);
      expect((await readingHistoryOf(t.db, userId)).map((e) => e.slug)).toEqual([
        'article-3',
        'article-7',
        'article-6',
        'article-5',
        'article-4',
      ]);
      expect(await rowsOf(other)).toHaveLength(1);
    });

    it('keeps the default bound of 50 under concurrent visits', async () => {
      await Promise.all(Array.from({ length: 60 }, (_, i) => recordVisit(t.db, userId, `burst-${i}`)));
      expect(await countReadingHistory(t.db, userId)).toBe(50);
    });

    it('survives migrating again: the second run changes nothing', async () => {
      await recordVisit(t.db, userId, 'kept');
      await runMigrations(t);
      expect((await readingHistoryOf(t.db, userId)).map((e) => e.slug)).toEqual(['kept']);
    });

    it('50 concurrent visits to one article store one row', async () => {
      await Promise.all(Array.from({ length: 50 }, () => recordVisit(t.db, userId, 'same')));
      expect(await rowsOf(userId)).toHaveLength(1);
    });

    it("clears one reader's history and nobody else's", async () => {
      const other = (await createUser(t.db, { email: `keeper${n}@example.com`, password: 'correct horse' })).id;
      await recordVisit(t.db, userId, 'a');
      await recordVisit(t.db, userId, 'b');
      await recordVisit(t.db, other, 'a');
      expect(await clearReadingHistory(t.db, userId)).toBe(2);
      expect(await readingHistoryOf(t.db, userId)).toEqual([]);
      expect(await clearReadingHistory(t.db, userId)).toBe(0);
      expect(await rowsOf(other)).toHaveLength(1);
    });

    it('refuses writes from an ended session and for a deleted account, whose history goes with it', async () => {
      const live = await createSession(t.db, userId);
      const ended = await createSession(t.db, userId);
      await endSession(t.db, ended);
      await expect(recordVisit(t.db, userId, 'a', { sessionId: ended })).rejects.toBeInstanceOf(UserGoneError);
      expect(await rowsOf(userId)).toHaveLength(0);
      await recordVisit(t.db, userId, 'a', { sessionId: live });
      await expect(recordProgress(t.db, userId, 'a', 0.5, { sessionId: ended })).rejects.toBeInstanceOf(UserGoneError);
      expect(await recordProgress(t.db, userId, 'a', 0.5, { sessionId: live })).toBe(true);

      await t.db.delete(users).where(eq(users.id, userId));
      expect(await rowsOf(userId)).toHaveLength(0);
      await expect(recordVisit(t.db, userId, 'a')).rejects.toBeInstanceOf(UserGoneError);
      await expect(recordProgress(t.db, userId, 'a', 0.5)).rejects.toBeInstanceOf(UserGoneError);
    });
  });
}
