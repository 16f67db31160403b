import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@/lib/content/types';
import { buildSearchIndex, SearchIndexBuilder, type SearchIndex } from './build-index';
import { fakeMeta } from '@/test/search-fixtures';
import { mergeIndexes } from './merge-index';
import { planQuery } from './plan-query';
import { runQuery } from './run-query';

const TEXTS = [
  '在微信上打开淘宝链接，加购物车、下单。互联互通的时代。',
  '从这个月起，微信外链可以直接打开了。',
  '互联网公司之间，终于开始互通。',
  '他在 WeChat 和 ＧｉｔＨｕｂ 上维护一个开源项目，用 TypeScript 写成。',
  '胡同里的早晨，卖豆浆的推车准时出现。',
  '一杯春茶，等了一整个冬天。',
  '城中村的出租屋里，外卖骑手老王在看直播带货。',
  '北京的胡同越来越少，人工智能算法推荐的短视频越来越多。',
  '𠀀𠀁 罕见字也要能找到，还有 Ｂ站 和 B站。',
  '豆浆油条，胡同口的早餐摊。',
];
const docs = TEXTS.map((text, i) => ({
  meta: fakeMeta({
    title: `第${i}篇：${text.slice(0, 4)}`,
    date: `2021-12-${String(28 - i).padStart(2, '0')}T00:00:00Z`,
  }),
  text,
}));
const QUERIES = [
  '微信',
  '淘宝',
  '互联互通',
  '联互',
  '微信外链',
  'github',
  'typesc',
  '豆浆',
  '胡同 豆浆',
  '𠀀',
  'B站',
  '北京的胡同',
  '外卖骑手老王',
  '淘宝 火星文',
  '第3篇',
];

const answers = (index: SearchIndex) =>
  QUERIES.map((q) => ({ ...runQuery(index, planQuery(q), { pageSize: 20 }), tookMs: 0 }));

describe('merging indexes', () => {
  it('answers like an index built from scratch: documents dropped, added between others, renumbered', () => {
    const oldDocs = docs.filter((_, i) => i % 3 !== 1); // 1, 4, 7 are new
    const base = buildSearchIndex(oldDocs);
    const finalDocs = docs.filter((_, i) => i !== 2 && i !== 9); // 2 and 9 are no longer published
    const added = docs.filter((_, i) => i % 3 === 1);
    const builder = new SearchIndexBuilder(base.gramKeys);
    for (const d of added) builder.add(d.meta, d.text);
    const delta = builder.finish();

    const at = new Map<ArticleMeta, number>(finalDocs.map((d, i) => [d.meta, i]));
    const mapOf = (index: SearchIndex) => Int32Array.from(index.docs, (d) => at.get(d.meta) ?? -1);
    const order = [...base.docs, ...delta.docs]
      .filter((d) => at.has(d.meta))
      .sort((a, b) => (at.get(a.meta) as number) - (at.get(b.meta) as number));
    const merged = mergeIndexes(order, [
      { grams: base.grams, words: base.words, gramKeys: base.gramKeys, docMap: mapOf(base) },
      { grams: delta.grams, words: delta.words, gramKeys: delta.gramKeys, docMap: mapOf(delta) },
    ]);
    expect(merged.docs.map((d) => d.meta)).toEqual(finalDocs.map((d) => d.meta));
    expect(answers(merged)).toEqual(answers(buildSearchIndex(finalDocs)));
  });

  it('refuses indexes that number their characters differently', () => {
    const a = buildSearchIndex(docs.slice(0, 2));
    const b = buildSearchIndex(docs.slice(2, 4));
    const keep = (index: SearchIndex) => Int32Array.from(index.docs, (_, i) => i);
    expect(() =>
      mergeIndexes(
        [...a.docs],
        [
          { grams: a.grams, words: a.words, gramKeys: a.gramKeys, docMap: keep(a) },
          { grams: b.grams, words: b.words, gramKeys: b.gramKeys, docMap: keep(b) },
        ],
      ),
    ).toThrow(/number their characters differently/);
  });
});
