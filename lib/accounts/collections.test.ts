import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import { savedAmong, setBookmark, toggleBookmark } from './bookmarks';
import {
  CollectionLimitError,
  CollectionNameTakenError,
  collectionNameSchema,
  collectionsHolding,
  countSaved,
  createCollection,
  deleteCollection,
  listCollections,
  MAX_COLLECTIONS,
  renameCollection,
  savedArticles,
  setCollectionMember,
  setReadState,
  UserGoneError,
} from './collections';
import { collectionItems, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

describe('collection names', () => {
  it('are trimmed, bounded and told apart from nothing in Chinese', () => {
    expect(collectionNameSchema.parse('  城市 \n 观察 ')).toBe('城市 观察');
    const bad = (v: unknown) => {
      const r = collectionNameSchema.safeParse(v);
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(bad('   ')).toBe('请填写收藏夹名称');
    expect(bad(7)).toBe('请填写收藏夹名称');
    expect(bad('名'.repeat(41))).toBe('收藏夹名称最多 40 个字');
    expect(bad('\ud800x')).toBe('收藏夹名称含有无效字符');
  });
});

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('reading states and collections', backend), () => {
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
      userId = (await createUser(t.db, { email: `col${n}@example.com`, password: 'correct horse' })).id;
    });

    it('saved articles start 稍后读, become 已读 and can be put back; unsaved ones have no state', async () => {
      await setBookmark(t.db, userId, 'a', true);
      await setBookmark(t.db, userId, 'b', true);
      expect(await savedAmong(t.db, userId, ['a', 'b', 'c'])).toEqual(
        new Map([
          ['a', 'later'],
          ['b', 'later'],
        ]),
      );
      expect(await setReadState(t.db, userId, 'a', 'read')).toBe('read');
      expect(await setReadState(t.db, userId, 'a', 'read')).toBe('read');
      expect(await setReadState(t.db, userId, 'c', 'read')).toBeNull();
      expect(await countSaved(t.db, userId)).toEqual({ all: 2, later: 1, read: 1 });
      expect((await savedArticles(t.db, userId, { state: 'read' })).map((r) => r.slug)).toEqual(['a']);
      expect((await savedArticles(t.db, userId, { state: 'later' })).map((r) => r.slug)).toEqual(['b']);
      expect(await setReadState(t.db, userId, 'a', 'later')).toBe('later');
      expect(await countSaved(t.db, userId)).toEqual({ all: 2, later: 2, read: 0 });
    });

    it('collections: create, rename, list with counts, delete; names unique per reader, not across readers', async () => {
      const city = await createCollection(t.db, userId, '城市');
      await expect(createCollection(t.db, userId, '城市')).rejects.toBeInstanceOf(CollectionNameTakenError);
      const other = (await createUser(t.db, { email: `col-other${n}@example.com`, password: 'correct horse' })).id;
      await createCollection(t.db, other, '城市');
      const food = await createCollection(t.db, userId, '吃');
      await expect(renameCollection(t.db, userId, food.id, '城市')).rejects.toBeInstanceOf(CollectionNameTakenError);
      expect(await renameCollection(t.db, userId, food.id, '好吃的')).toBe(true);
      expect(await renameCollection(t.db, other, food.id, '偷改')).toBe(false);
      await setCollectionMember(t.db, userId, city.id, 'a', true);
      await setCollectionMember(t.db, userId, city.id, 'b', true);
      await setCollectionMember(t.db, userId, food.id, 'a', true);
      expect((await listCollections(t.db, userId)).map((c) => [c.name, c.count])).toEqual([
        ['城市', 2],
        ['好吃的', 1],
      ]);
      expect(await deleteCollection(t.db, other, city.id)).toBe(false);
      expect(await deleteCollection(t.db, userId, city.id)).toBe(true);
      expect((await listCollections(t.db, userId)).map((c) => c.name)).toEqual(['好吃的']);
      // Deleting a collection keeps its articles saved.
      expect(await countSaved(t.db, userId)).toEqual({ all: 2, later: 2, read: 0 });
    });

    it('adding to a collection saves the article; unsaving takes it out of every collection', async () => {
      const c = await createCollection(t.db, userId, '长文');
      expect(await setCollectionMember(t.db, userId, c.id, 'x', true)).toBe(true);
      expect(await setCollectionMember(t.db, userId, c.id, 'x', true)).toBe(true);
      expect(await savedAmong(t.db, userId, ['x'])).toEqual(new Map([['x', 'later']]));
      expect(await collectionsHolding(t.db, userId, 'x')).toEqual(new Set([c.id]));
      expect((await savedArticles(t.db, userId, { collectionId: c.id })).map((r) => r.slug)).toEqual(['x']);
      expect(await toggleBookmark(t.db, userId, 'x')).toBe(false);
      expect(await collectionsHolding(t.db, userId, 'x')).toEqual(new Set());
      expect(await t.db.select().from(collectionItems).where(eq(collectionItems.collectionId, c.id))).toEqual([]);
      await setCollectionMember(t.db, userId, c.id, 'y', true);
      expect(await setCollectionMember(t.db, userId, c.id, 'y', false)).toBe(true);
      expect(await collectionsHolding(t.db, userId, 'y')).toEqual(new Set());
      // Still saved: taking an article out of a collection does not unsave it.
      expect(await savedAmong(t.db, userId, ['y'])).toEqual(new Map([['y', 'later']]));
    });

    it("never touches another reader's collection, and refuses an ended session", async () => {
      const other = (await createUser(t.db, { email: `col-x${n}@example.com`, password: 'correct horse' })).id;
      const theirs = await createCollection(t.db, other, '别人的');
      expect(await setCollectionMember(t.db, userId, theirs.id, 'a', true)).toBe(false);
      expect((await listCollections(t.db, other))[0]!.count).toBe(0);
      const sessionId = await createSession(t.db, userId);
      const mine = await createCollection(t.db, userId, '我的', { sessionId });
      await endSession(t.db, sessionId);
      await expect(createCollection(t.db, userId, '再建', { sessionId })).rejects.toBeInstanceOf(UserGoneError);
      await expect(setCollectionMember(t.db, userId, mine.id, 'a', true, { sessionId })).rejects.toBeInstanceOf(
        UserGoneError,
      );
      await expect(setReadState(t.db, userId, 'a', 'read', { sessionId })).rejects.toBeInstanceOf(UserGoneError);
      await t.db.delete(users).where(eq(users.id, userId));
      expect(await listCollections(t.db, userId)).toEqual([]);
    });

    it(`stops at ${MAX_COLLECTIONS} collections per reader`, async () => {
      for (let i = 0; i < MAX_COLLECTIONS; i++) await createCollection(t.db, userId, `c${i}`);
      await expect(createCollection(t.db, userId, 'one more')).rejects.toBeInstanceOf(CollectionLimitError);
    });
  });
}
