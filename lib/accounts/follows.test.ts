import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import {
  countNewFollowed,
  FollowLimitError,
  followedArticles,
  followingAmong,
  followSchema,
  followsOf,
  followsSeenAt,
  isNewFollowed,
  markFollowsSeen,
  MAX_FOLLOWS,
  parseFollowKey,
  setFollow,
  UserGoneError,
  type Follow,
} from './follows';
import { follows, users } from '@/lib/db/schema';
import { fakeMeta } from '@/test/search-fixtures';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

// A tiny content index: three articles in two categories, one also tagged.
const ARTICLES = [
  fakeMeta({ slug: 'new', title: '新的', date: '2026-12-05T00:00:00Z', categories: ['城市'], tags: ['通勤'] }),
  fakeMeta({ slug: 'mid', title: '中间', date: '2026-11-01T00:00:00Z', categories: ['城市'] }),
  fakeMeta({ slug: 'old', title: '旧的', date: '2025-01-01T00:00:00Z', categories: ['旅行'], author: '林白' }),
];
const listing = (kind: Follow['kind'], name: string, limit: number) =>
  ARTICLES.filter((a) =>
    kind === 'category' ? a.categories.includes(name) : kind === 'tag' ? a.tags.includes(name) : a.author === name,
  ).slice(0, limit);

describe('followed articles', () => {
  const since = new Date('2026-11-15T00:00:00Z');
  const long = new Date('2020-01-01T00:00:00Z');
  it('merges every follow, each article once and newest first, with what brought it', () => {
    const followed = [
      { kind: 'category' as const, name: '城市' },
      { kind: 'tag' as const, name: '通勤' },
      { kind: 'author' as const, name: '林白' },
    ];
    const merged = followedArticles(listing, followed, 10);
    expect(merged.map((m) => m.meta.slug)).toEqual(['new', 'mid', 'old']);
    expect(merged[0]!.via.map((f) => f.kind)).toEqual(['category', 'tag']);
    expect(followedArticles(listing, followed, 2)).toHaveLength(2);
  });

  it('counts as new what was published after the last look and after the follow began', () => {
    const city = { kind: 'category' as const, name: '城市', createdAt: long };
    expect(countNewFollowed(listing, [city], since)).toBe(1);
    expect(countNewFollowed(listing, [city], null)).toBe(2);
    // Followed yesterday: the category's older articles are not news.
    expect(countNewFollowed(listing, [{ ...city, createdAt: new Date('2026-12-01T00:00:00Z') }], null)).toBe(1);
    // An article reached through two follows counts once.
    const tag = { kind: 'tag' as const, name: '通勤', createdAt: long };
    expect(countNewFollowed(listing, [city, tag], since)).toBe(1);
    expect(isNewFollowed(ARTICLES[0]!, [city], since)).toBe(true);
    expect(isNewFollowed(ARTICLES[1]!, [city], since)).toBe(false);
  });

  it('reads follow keys and refuses what is not a category, author or tag', () => {
    expect(parseFollowKey('category:城市')).toEqual({ kind: 'category', name: '城市' });
    expect(parseFollowKey('tag:a:b')).toEqual({ kind: 'tag', name: 'a:b' });
    expect(parseFollowKey('user:x')).toBeNull();
    expect(parseFollowKey('category:')).toBeNull();
    expect(followSchema.safeParse({ kind: 'site', name: 'x', follow: true }).error?.issues[0]?.message).toBe(
      '只能关注分类、作者或标签',
    );
    expect(followSchema.safeParse('x').error?.issues[0]?.message).toBe('请求内容应为 JSON 对象');
  });
});

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('follows', backend), () => {
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
      userId = (await createUser(t.db, { email: `follow${n}@example.com`, password: 'correct horse' })).id;
    });

    it('follows and unfollows idempotently, per reader', async () => {
      const city = { kind: 'category' as const, name: '城市' };
      expect(await setFollow(t.db, userId, city, true)).toBe(true);
      expect(await setFollow(t.db, userId, city, true)).toBe(true);
      await setFollow(t.db, userId, { kind: 'author', name: '林白' }, true);
      expect((await followsOf(t.db, userId)).map((f) => `${f.kind}:${f.name}`)).toEqual([
        'category:城市',
        'author:林白',
      ]);
      expect(await followingAmong(t.db, userId, [city, { kind: 'tag', name: '城市' }])).toEqual(
        new Set(['category:城市']),
      );
      const other = (await createUser(t.db, { email: `follow-o${n}@example.com`, password: 'correct horse' })).id;
      expect(await followsOf(t.db, other)).toEqual([]);
      expect(await setFollow(t.db, userId, city, false)).toBe(false);
      expect(await setFollow(t.db, userId, city, false)).toBe(false);
      expect((await followsOf(t.db, userId)).map((f) => f.name)).toEqual(['林白']);
    });

    it('remembers when the reader last looked, never moving back', async () => {
      expect(await followsSeenAt(t.db, userId)).toBeNull();
      await markFollowsSeen(t.db, userId, new Date('2026-12-01T00:00:00Z'));
      await markFollowsSeen(t.db, userId, new Date('2026-11-01T00:00:00Z'));
      expect((await followsSeenAt(t.db, userId))?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    });

    it('refuses an ended session, stops at the limit, and is deleted with the account', async () => {
      const sessionId = await createSession(t.db, userId);
      await setFollow(t.db, userId, { kind: 'tag', name: '茶' }, true, { sessionId });
      await endSession(t.db, sessionId);
      await expect(setFollow(t.db, userId, { kind: 'tag', name: '酒' }, true, { sessionId })).rejects.toBeInstanceOf(
        UserGoneError,
      );
      await expect(markFollowsSeen(t.db, userId, new Date(), { sessionId })).rejects.toBeInstanceOf(UserGoneError);
      for (let i = 1; i < MAX_FOLLOWS; i++) await setFollow(t.db, userId, { kind: 'tag', name: `t${i}` }, true);
      await expect(setFollow(t.db, userId, { kind: 'tag', name: 'one more' }, true)).rejects.toBeInstanceOf(
        FollowLimitError,
      );
      // Following again what is already followed is not refused at the limit.
      expect(await setFollow(t.db, userId, { kind: 'tag', name: '茶' }, true)).toBe(true);
      await t.db.delete(users).where(eq(users.id, userId));
      expect(await t.db.select().from(follows).where(eq(follows.userId, userId))).toEqual([]);
    });
  });
}
