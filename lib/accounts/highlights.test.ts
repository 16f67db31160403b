import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createSession, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import { users } from '@/lib/db/schema';
import {
  allHighlights,
  createHighlight,
  deleteHighlight,
  highlightChangeSchema,
  HighlightLimitError,
  highlightsOf,
  listHighlights,
  MAX_HIGHLIGHTS,
  newHighlightSchema,
  setArticleNote,
  updateHighlight,
  UserGoneError,
  type NewHighlight,
} from './highlights';
import { highlights } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

function passage(slug: string, exact: string, start = 10, extra: Partial<NewHighlight> = {}): NewHighlight {
  return { slug, color: 'yellow', exact, prefix: '前文', suffix: '后文', start, end: start + exact.length, ...extra };
}

describe('highlight input', () => {
  it('takes a well-formed highlight and refuses what no article can hold, saying why in Chinese', () => {
    expect(newHighlightSchema.safeParse(passage('a', '胡同')).success).toBe(true);
    const bad = (input: unknown) => {
      const r = newHighlightSchema.safeParse(input);
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(bad({ ...passage('a', '胡同'), color: 'red' })).toBe('颜色无效');
    expect(bad({ ...passage('a', '胡同'), exact: '   ' })).toBe('划线文字不能为空');
    expect(bad({ ...passage('a', '胡同'), exact: 'x'.repeat(4001), end: 4011 })).toBe('划线文字最多 4000 个字符');
    expect(bad({ ...passage('a', '胡同'), note: '注'.repeat(5001) })).toBe('笔记最多 5000 个字符');
    expect(bad({ ...passage('a', '胡同'), exact: '\ud800' })).toBe('划线文字含有无效字符');
    expect(bad({ ...passage('a', '胡同'), start: 5, end: 5 })).toBe('划线位置无效');
    expect(bad({ ...passage('a', '胡同'), start: 1.5 })).toBe('划线位置无效');
    expect(bad({ ...passage('', '胡同') })).toBe('文章地址无效');
    expect(bad(null)).toBe('请求内容应为 JSON 对象');
    expect(bad([1, 2])).toBe('请求内容应为 JSON 对象');
    expect(bad({ ...passage('a', '胡同'), slug: 7 })).toBe('文章地址无效');
    expect(bad({ slug: 'a' })).toBe('颜色无效');
    expect(highlightChangeSchema.safeParse({}).success).toBe(false);
    expect(highlightChangeSchema.safeParse({ note: null }).success).toBe(true);
  });
});

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('highlights', backend), () => {
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
      userId = (await createUser(t.db, { email: `hl${n}@example.com`, password: 'correct horse' })).id;
    });

    it('keeps highlights per article in reading order, with their selectors, colours and notes', async () => {
      const later = await createHighlight(t.db, userId, passage('a', '槐花落了一地', 120, { color: 'green' }));
      const first = await createHighlight(
        t.db,
        userId,
        passage('a', '卖豆浆的三轮车', 3, { note: '  小时候的早晨  ' }),
      );
      await createHighlight(t.db, userId, passage('b', '面馆', 40));
      const onA = await highlightsOf(t.db, userId, 'a');
      expect(onA.map((h) => h.id)).toEqual([first.id, later.id]);
      expect(onA[0]).toMatchObject({
        exact: '卖豆浆的三轮车',
        prefix: '前文',
        suffix: '后文',
        start: 3,
        end: 10,
        color: 'yellow',
      });
      expect(onA[0]!.note).toBe('小时候的早晨');
      expect(onA[1]!.color).toBe('green');
    });

    it('changes colour and note, deletes, and touches only the reader’s own rows', async () => {
      const h = await createHighlight(t.db, userId, passage('a', '胡同口'));
      const other = (await createUser(t.db, { email: `other-hl${n}@example.com`, password: 'correct horse' })).id;
      expect(await updateHighlight(t.db, other, h.id, { color: 'blue' })).toBeNull();
      expect(await deleteHighlight(t.db, other, h.id)).toBe(false);
      expect(await highlightsOf(t.db, other, 'a')).toEqual([]);

      const changed = await updateHighlight(t.db, userId, h.id, { color: 'pink', note: '要再读一遍' });
      expect(changed).toMatchObject({ color: 'pink', note: '要再读一遍' });
      expect(await updateHighlight(t.db, userId, h.id, { note: '' })).toMatchObject({ color: 'pink', note: null });
      expect(await deleteHighlight(t.db, userId, h.id)).toBe(true);
      expect(await deleteHighlight(t.db, userId, h.id)).toBe(false);
      expect(await highlightsOf(t.db, userId, 'a')).toEqual([]);
    });

    it('keeps one note per article, rewritten in place and removed when emptied', async () => {
      const a = await setArticleNote(t.db, userId, 'a', '第一遍读的感想');
      const b = await setArticleNote(t.db, userId, 'a', '第二遍：改了看法');
      expect(b?.id).toBe(a?.id);
      const rows = await highlightsOf(t.db, userId, 'a');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ note: '第二遍：改了看法', exact: null, color: null, start: null });
      // The article note is not a passage: colour changes do not apply to it.
      expect(await updateHighlight(t.db, userId, a!.id, { color: 'blue' })).toBeNull();
      expect(await setArticleNote(t.db, userId, 'a', '   ')).toBeNull();
      expect(await highlightsOf(t.db, userId, 'a')).toEqual([]);
    });

    it('lists newest first, filtered by colour and by words in the passage or the note', async () => {
      await createHighlight(t.db, userId, passage('a', '清晨的胡同里', 0, { color: 'yellow' }));
      await createHighlight(t.db, userId, passage('a', '老人们提着鸟笼', 20, { color: 'green', note: '北京的早晨' }));
      await createHighlight(t.db, userId, passage('b', 'React 19 的 Server Components', 5, { color: 'green' }));
      await createHighlight(t.db, userId, passage('b', '100%_真实', 50, { color: 'blue' }));
      const all = await listHighlights(t.db, userId);
      expect(all.total).toBe(4);
      expect(all.items[0]!.exact).toBe('100%_真实');
      expect((await listHighlights(t.db, userId, { color: 'green' })).items.map((h) => h.exact)).toEqual([
        'React 19 的 Server Components',
        '老人们提着鸟笼',
      ]);
      expect((await listHighlights(t.db, userId, { q: '早晨' })).items.map((h) => h.exact)).toEqual(['老人们提着鸟笼']);
      expect((await listHighlights(t.db, userId, { q: '胡同' })).items.map((h) => h.exact)).toEqual(['清晨的胡同里']);
      expect((await listHighlights(t.db, userId, { q: 'server  react' })).total).toBe(1);
      expect((await listHighlights(t.db, userId, { q: '%' })).items.map((h) => h.exact)).toEqual(['100%_真实']);
      expect((await listHighlights(t.db, userId, { q: '_' })).total).toBe(1);
      expect((await listHighlights(t.db, userId, { q: '胡同', color: 'green' })).total).toBe(0);
      const paged = await listHighlights(t.db, userId, {}, 99, 3);
      expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 4 });
      expect(paged.items).toHaveLength(1);
      expect((await allHighlights(t.db, userId)).map((h) => h.slug)).toEqual(['b', 'b', 'a', 'a']);
    });

    it('refuses writes from an ended session and for a deleted account; deleting the account deletes them', async () => {
      const sessionId = await createSession(t.db, userId);
      const guard = { sessionId };
      const h = await createHighlight(t.db, userId, passage('a', '会话'), guard);
      await endSession(t.db, sessionId);
      await expect(createHighlight(t.db, userId, passage('a', '再来'), guard)).rejects.toBeInstanceOf(UserGoneError);
      await expect(updateHighlight(t.db, userId, h.id, { color: 'blue' }, guard)).rejects.toBeInstanceOf(UserGoneError);
      await expect(deleteHighlight(t.db, userId, h.id, guard)).rejects.toBeInstanceOf(UserGoneError);
      await expect(setArticleNote(t.db, userId, 'a', '笔记', guard)).rejects.toBeInstanceOf(UserGoneError);
      expect(await highlightsOf(t.db, userId, 'a')).toHaveLength(1);

      await t.db.delete(users).where(eq(users.id, userId));
      const left = await t.db.select().from(highlights).where(eq(highlights.userId, userId));
      expect(left).toEqual([]);
      await expect(createHighlight(t.db, userId, passage('a', '已删除'))).rejects.toBeInstanceOf(UserGoneError);
    });

    it(`stops at ${MAX_HIGHLIGHTS.toLocaleString('en-US')} highlights and notes per account`, async () => {
      // Fill to one below the limit in one statement, as 9,999 earlier clicks would have.
      await t.db.execute(sql`
        insert into highlights (id, user_id, slug, color, exact, prefix, suffix, start_offset, end_offset)
        select gen_random_uuid()::text, ${userId}, 'bulk', 'yellow', 'x', '', '', g, g + 1
        from generate_series(1, ${MAX_HIGHLIGHTS - 1}) as g`);
      await createHighlight(t.db, userId, passage('a', '最后一条'));
      await expect(createHighlight(t.db, userId, passage('a', '多一条'))).rejects.toBeInstanceOf(HighlightLimitError);
      await expect(setArticleNote(t.db, userId, 'c', '笔记')).rejects.toThrow(/上限/);
    });
  });
}
