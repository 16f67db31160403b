import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, endAllSessions, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import { savedAmong, listBookmarks, setBookmark, toggleBookmark, UserGoneError } from './bookmarks';
import { savedArticles } from './collections';
import { bookmarks, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('bookmarks', backend), () => {
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
      userId = (await createUser(t.db, { email: `reader${n}@example.com`, password: 'correct horse' })).id;
    });

    async function rowsFor(slug: string) {
      return t.db.select().from(bookmarks).where(eq(bookmarks.slug, slug));
    }

    it('saves and unsaves idempotently, and reports which slugs are saved', async () => {
      expect(await setBookmark(t.db, userId, 'a', true)).toBe(true);
      expect(await setBookmark(t.db, userId, 'a', true)).toBe(true);
      expect(await setBookmark(t.db, userId, 'b', true)).toBe(true);
      expect(await rowsFor('a')).toHaveLength(1);
      expect(new Set((await savedAmong(t.db, userId, ['a', 'b', 'c'])).keys())).toEqual(new Set(['a', 'b']));
      expect(await setBookmark(t.db, userId, 'a', false)).toBe(false);
      expect(await setBookmark(t.db, userId, 'a', false)).toBe(false);
      expect(new Set((await savedAmong(t.db, userId, ['a', 'b', 'c'])).keys())).toEqual(new Set(['b']));
      expect(new Set((await savedAmong(t.db, userId, [])).keys())).toEqual(new Set());
    });

    it("keeps one reader's bookmarks away from another's", async () => {
      const other = (await createUser(t.db, { email: `other${n}@example.com`, password: 'correct horse' })).id;
      await setBookmark(t.db, userId, 'shared', true);
      expect(new Set((await savedAmong(t.db, other, ['shared'])).keys())).toEqual(new Set());
      expect((await listBookmarks(t.db, other)).total).toBe(0);
    });

    it('100 concurrent toggles of one bookmark behave as if one after another, leaving no duplicate', async () => {
      const slug = `race-${n}`;
      const results = await Promise.all(Array.from({ length: 100 }, () => toggleBookmark(t.db, userId, slug)));
      expect(results.filter(Boolean)).toHaveLength(50);
      expect(await rowsFor(slug)).toHaveLength(0);
      expect(new Set((await savedAmong(t.db, userId, [slug])).keys())).toEqual(new Set());

      const odd = await Promise.all(Array.from({ length: 101 }, () => toggleBookmark(t.db, userId, slug)));
      expect(odd.filter(Boolean)).toHaveLength(51);
      expect(await rowsFor(slug)).toHaveLength(1);
      expect(new Set((await savedAmong(t.db, userId, [slug])).keys())).toEqual(new Set([slug]));
    });

    it('50 concurrent saves of one article store one row', async () => {
      const slug = `burst-${n}`;
      const results = await Promise.all(Array.from({ length: 50 }, () => setBookmark(t.db, userId, slug, true)));
      expect(results.every(Boolean)).toBe(true);
      expect(await rowsFor(slug)).toHaveLength(1);
    });

    it('lists newest saved first, in pages that neither overlap nor skip', async () => {
      const base = Date.parse('2024-01-01T00:00:00Z');
      // Two bookmarks share an instant: the slug orders them.
      const rows = ['a', 'b', 'c', 'd', 'e'].map((slug, i) => ({
        userId,
        slug,
        createdAt: new Date(base + (i === 4 ? 3 : i) * 60_000),
      }));
      await t.db.insert(bookmarks).values(rows);
      const first = await listBookmarks(t.db, userId, 1, 2);
      const second = await listBookmarks(t.db, userId, 2, 2);
      const third = await listBookmarks(t.db, userId, 3, 2);
      expect(first.total).toBe(5);
      expect(first.pageCount).toBe(3);
      expect([...first.items, ...second.items, ...third.items].map((b) => b.slug)).toEqual(['d', 'e', 'c', 'b', 'a']);
      expect(first.items[0]?.createdAt).toBeInstanceOf(Date);
      const beyond = await listBookmarks(t.db, userId, 99, 2);
      expect(beyond.page).toBe(3);
      expect(beyond.items.map((b) => b.slug)).toEqual(['a']);
      expect((await savedArticles(t.db, userId)).map((b) => b.slug)).toEqual(['d', 'e', 'c', 'b', 'a']);
    });

    it('an empty list is one empty page', async () => {
      expect(await listBookmarks(t.db, userId)).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
    });

    it('refuses writes from a session that has ended (signed out, or ended from another device), and accepts a live one', async () => {
      const slug = `guard-${n}`;
      const live = await createSession(t.db, userId);
      const ended = await createSession(t.db, userId);
      await endSession(t.db, ended);
      await expect(toggleBookmark(t.db, userId, slug, { sessionId: ended })).rejects.toBeInstanceOf(UserGoneError);
      await expect(setBookmark(t.db, userId, slug, true, { sessionId: ended })).rejects.toBeInstanceOf(UserGoneError);
      // A session of another reader is no session of this one.
      const stranger = (await createUser(t.db, { email: `stranger${n}@example.com`, password: 'correct horse' })).id;
      await expect(
        setBookmark(t.db, userId, slug, true, { sessionId: await createSession(t.db, stranger) }),
      ).rejects.toBeInstanceOf(UserGoneError);
      expect(await rowsFor(slug)).toHaveLength(0);
      expect(await setBookmark(t.db, userId, slug, true, { sessionId: live })).toBe(true);
      expect(await setBookmark(t.db, userId, slug, true, { sessionId: live })).toBe(true);
      await expect(setBookmark(t.db, userId, slug, false, { sessionId: ended })).rejects.toBeInstanceOf(UserGoneError);
      expect(await rowsFor(slug)).toHaveLength(1);
      expect(await toggleBookmark(t.db, userId, slug, { sessionId: live })).toBe(false);
      expect(await toggleBookmark(t.db, userId, slug, { sessionId: live })).toBe(true);
      expect(await setBookmark(t.db, userId, slug, false, { sessionId: live })).toBe(false);
      expect(await setBookmark(t.db, userId, slug, false, { sessionId: live })).toBe(false);
      expect(await rowsFor(slug)).toHaveLength(0);
      // 退出所有设备 ends the live one too.
      await endAllSessions(t.db, userId);
      await expect(toggleBookmark(t.db, userId, slug, { sessionId: live })).rejects.toBeInstanceOf(UserGoneError);
    });

    it('keeps one row when saves and toggles of one article race', async () => {
      const slug = `mixed-${n}`;
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0 ? setBookmark(t.db, userId, slug, true) : toggleBookmark(t.db, userId, slug),
        ),
      );
      expect((await rowsFor(slug)).length).toBeLessThanOrEqual(1);
    });

    it('refuses to write for an account that was deleted meanwhile, and deleting an account removes its bookmarks', async () => {
      await setBookmark(t.db, userId, `gone-${n}`, true);
      await t.db.delete(users).where(eq(users.id, userId));
      expect(await rowsFor(`gone-${n}`)).toHaveLength(0);
      await expect(toggleBookmark(t.db, userId, 'x')).rejects.toBeInstanceOf(UserGoneError);
      await expect(setBookmark(t.db, userId, 'x', true)).rejects.toBeInstanceOf(UserGoneError);
      await expect(setBookmark(t.db, userId, 'x', false)).rejects.toBeInstanceOf(UserGoneError);
    });
  });
}
