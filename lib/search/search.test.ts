import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@/lib/content/types';
import { buildSearchIndex, type SearchIndex } from './build-index';
import { fakeMeta, newestFirst } from '@/test/search-fixtures';
import { planQuery } from './plan-query';
import { COUNT_LIMIT, runQuery, type SearchPage } from './run-query';
import type { TextSegment } from './snippet';

type Doc = { meta: ArticleMeta; text: string };

const doc = (slug: string, title: string, date: string, text: string): Doc => ({
  meta: fakeMeta({ slug, title, date }),
  text,
});

function index(docs: Doc[]): SearchIndex {
  return buildSearchIndex(newestFirst(docs));
}

function search(idx: SearchIndex, query: string, page = 1, pageSize = 10): SearchPage {
  return runQuery(idx, planQuery(query), { page, pageSize });
}

const slugs = (page: SearchPage) => page.hits.map((h) => h.article.slug);
const marked = (segments: TextSegment[]) => segments.filter((s) => s.hit).map((s) => s.text);
const plain = (segments: TextSegment[]) => segments.map((s) => s.text).join('');

const corpus = index([
  doc(
    'wechat-taobao',
    '微信打开淘宝',
    '2021-12-01T10:00:00Z',
    '在微信上打开淘宝链接，加购物车、下单。\n在“互联互通”的时代背景下，越来越多的链接被重新打开。',
  ),
  doc('outlinks', '外链这件事', '2021-11-20T10:00:00Z', '从这个月起，微信外链可以直接打开了。很多商家第一时间试了试。'),
  doc('scattered', '平台观察', '2021-11-25T10:00:00Z', '微信的规则变了不少。另一方面，外链的管理也越来越严。'),
  doc('internet', '互联网的边界', '2021-10-01T10:00:00Z', '互联网公司之间，终于开始互通。'),
  doc(
    'latin',
    'Open source 的日常',
    '2021-09-01T10:00:00Z',
    '他在 WeChat 和 ＧｉｔＨｕｂ 上维护一个开源项目，用 TypeScript 写成。',
  ),
]);

describe('matching', () => {
  it('finds 淘宝 and 互联互通 where they are written', () => {
    expect(slugs(search(corpus, '淘宝'))).toEqual(['wechat-taobao']);
    expect(slugs(search(corpus, '互联互通'))).toEqual(['wechat-taobao']);
  });

  it('does not take 互联网 … 互通 for 互联互通', () => {
    expect(slugs(search(corpus, '互联互通'))).not.toContain('internet');
  });

  it('finds a two-character substring that crosses word boundaries', () => {
    expect(slugs(search(corpus, '联互'))).toEqual(['wechat-taobao']);
    expect(slugs(search(corpus, '信外'))).toEqual(['outlinks']);
  });

  it('matches 微信外链 as a phrase and as scattered words', () => {
    expect(new Set(slugs(search(corpus, '微信外链')))).toEqual(new Set(['outlinks', 'scattered']));
  });

  it('ignores case and full-width forms on both sides', () => {
    expect(slugs(search(corpus, 'wechat'))).toEqual(['latin']);
    expect(slugs(search(corpus, 'ＷＥＣＨＡＴ'))).toEqual(['latin']);
    expect(slugs(search(corpus, 'github'))).toEqual(['latin']);
    expect(slugs(search(corpus, 'OPEN SOURCE'))).toEqual(['latin']);
  });

  it('matches the word being typed by its beginning, but not the inside of a word', () => {
    expect(slugs(search(corpus, 'typesc'))).toEqual(['latin']);
    expect(slugs(search(corpus, 'chat'))).toEqual([]);
    expect(slugs(search(corpus, 'typesc '))).toEqual([]);
  });

  it('falls back to articles with some of the words, and says so', () => {
    const page = search(corpus, '淘宝 火星文');
    expect(page.partial).toBe(true);
    expect(slugs(page)).toEqual(['wechat-taobao']);
    expect(search(corpus, '淘宝').partial).toBe(false);
  });

  it('returns nothing, not everything, for an empty or meaningless query', () => {
    expect(search(corpus, '').total).toBe(0);
    expect(search(corpus, '   ').total).toBe(0);
    expect(search(corpus, '？！').total).toBe(0);
    expect(search(corpus, '火星文').total).toBe(0);
  });
});

describe('ranking', () => {
  it('puts a title match above any number of body matches', () => {
    const idx = index([
      doc('body', '一篇长文', '2022-01-01T00:00:00Z', '淘宝。'.repeat(30)),
      doc('title', '淘宝十年', '2020-01-01T00:00:00Z', '这是一篇回顾。'),
    ]);
    expect(slugs(search(idx, '淘宝'))).toEqual(['title', 'body']);
  });

  it('puts the exact phrase above the same words scattered', () => {
    expect(slugs(search(corpus, '微信外链'))).toEqual(['outlinks', 'scattered']);
    const idx = index([
      doc('scattered', '周报', '2022-01-01T00:00:00Z', '老街上新开了一家茶馆。'),
      doc('phrase', '周报', '2020-01-01T00:00:00Z', '我们在老街茶馆坐了一下午。'),
    ]);
    expect(slugs(search(idx, '老街茶馆'))).toEqual(['phrase', 'scattered']);
  });

  it('does not mistake a phrase’s characters scattered in pairs for the phrase', () => {
    // Every bigram of 老街茶馆 is in `pairs`, but never the phrase; it must still rank below `phrase`, on every page.
    const idx = index([
      doc('pairs', '周报', '2022-01-01T00:00:00Z', '老街上，街茶摊，茶馆里。'),
      doc('phrase', '周报', '2020-01-01T00:00:00Z', '我们在老街茶馆坐了一下午。'),
    ]);
    expect(slugs(search(idx, '老街茶馆'))).toEqual(['phrase', 'pairs']);
    expect(slugs(search(idx, '老街茶馆', 1, 1))).toEqual(['phrase']);
    expect(slugs(search(idx, '老街茶馆', 2, 1))).toEqual(['pairs']);
  });

  it('puts a title with the whole phrase above a title with the words apart', () => {
    const idx = index([
      doc('apart', '老街上的茶馆', '2022-01-01T00:00:00Z', '正文。'),
      doc('whole', '老街茶馆', '2020-01-01T00:00:00Z', '正文。'),
    ]);
    expect(slugs(search(idx, '老街茶馆'))).toEqual(['whole', 'apart']);
  });

  it('breaks ties by recency, newest first', () => {
    const text = '胡同里的早晨，卖豆浆的推车准时出现。';
    const idx = index([
      doc('old', '早晨', '2019-05-01T00:00:00Z', text),
      doc('new', '早晨', '2023-05-01T00:00:00Z', text),
      doc('mid', '早晨', '2021-05-01T00:00:00Z', text),
    ]);
    expect(slugs(search(idx, '豆浆'))).toEqual(['new', 'mid', 'old']);
  });
});

describe('counting', () => {
  it('finds an old title match behind more newer body matches than are ranked by the site rules', () => {
    const newer = Array.from({ length: 60 }, (_, i) =>
      doc(`body-${i}`, `街头 ${i}`, new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString(), '顺手在淘宝买了把锁。'),
    );
    const idx = index([...newer, doc('title', '淘宝十年', '2019-01-01T00:00:00Z', '这是一篇回顾。')]);
    const page = search(idx, '淘宝');
    expect(page.total).toBe(61);
    expect(slugs(page)[0]).toBe('title');
    // With the words apart in the title, still found among the title matches.
    expect(slugs(search(idx, '淘宝 十年'))).toEqual(['title']);
  });

  it('counts up to COUNT_LIMIT and says when there are more', () => {
    const many = Array.from({ length: COUNT_LIMIT + 5 }, (_, i) =>
      doc(`n-${i}`, `笔记 ${i}`, new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), '巷口的修车铺。'),
    );
    const page = search(index(many), '修车');
    expect([page.total, page.more]).toEqual([COUNT_LIMIT, true]);
    expect(page.hits[0]?.article.slug).toBe(`n-${COUNT_LIMIT + 4}`);
    expect(search(corpus, '淘宝').more).toBe(false);
  });
});

describe('results', () => {
  it('highlights the title and a snippet around the match, in the original spelling', () => {
    const page = search(corpus, 'wechat');
    const hit = page.hits[0]!;
    expect(marked(hit.snippet)).toEqual(['WeChat']);
    expect(plain(hit.title)).toBe('Open source 的日常');

    const phrase = search(corpus, '微信外链').hits[0]!;
    expect(plain(phrase.title)).toBe('外链这件事');
    expect(marked(phrase.title)).toEqual(['外链']);
    expect(marked(phrase.snippet)).toEqual(['微信外链']);
  });

  it('highlights title words and keeps the rest of the title as plain text', () => {
    const hit = search(corpus, '淘宝').hits[0]!;
    expect(hit.title).toEqual([
      { text: '微信打开', hit: false },
      { text: '淘宝', hit: true },
    ]);
  });

  it('keeps markup-looking text as text, to be escaped by React', () => {
    const idx = index([
      doc('xss', '安全', '2021-01-01T00:00:00Z', '有人在评论里写了 <script>alert(1)</script> 想试试漏洞。'),
    ]);
    const hit = search(idx, '漏洞').hits[0]!;
    expect(plain(hit.snippet)).toContain('<script>alert(1)</script>');
    expect(marked(hit.snippet)).toEqual(['漏洞']);
  });

  it('cuts long bodies to a snippet with ellipses, starting near the match', () => {
    const long = '前面的铺垫很长。'.repeat(40) + '终于说到了关键的互联互通。' + '后面还有很多话。'.repeat(40);
    const idx = index([doc('long', '长文', '2021-01-01T00:00:00Z', long)]);
    const snippet = search(idx, '互联互通').hits[0]!.snippet;
    expect(plain(snippet).startsWith('…终于说到了关键的')).toBe(true);
    expect(plain(snippet).endsWith('…')).toBe(true);
    expect(plain(snippet).length).toBeLessThan(140);
    expect(marked(snippet)).toEqual(['互联互通']);
  });

  it('pages through results with a total count', () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      doc(`tea-${i}`, `茶话 ${i}`, new Date(Date.UTC(2021, 0, 1 + i)).toISOString(), '春天喝一杯绿茶。'),
    );
    const idx = index(many);
    const first = search(idx, '绿茶', 1, 10);
    expect([first.total, first.totalPages, first.hits.length]).toEqual([23, 3, 10]);
    expect(first.hits[0]?.article.slug).toBe('tea-22');
    const last = search(idx, '绿茶', 3, 10);
    expect(last.hits.map((h) => h.article.slug)).toEqual(['tea-2', 'tea-1', 'tea-0']);
    expect(search(idx, '绿茶', 99, 10).page).toBe(3);
  });
});

describe('documents read lately', () => {
  it('are kept per index file: two sites whose documents share numbers each show their own text', () => {
    // Same slugs and dates, so the same document numbers; different words in title and body.
    const a = index([doc('same', '早市的豆浆', '2024-04-01T10:00:00Z', '胡同口的早市，豆浆五点就有了。')]);
    const b = index([doc('same', '夜市的豆浆', '2024-04-01T10:00:00Z', '河边的夜市，豆浆卖到半夜。')]);
    const first = search(a, '豆浆').hits[0]!;
    expect(plain(first.title)).toBe('早市的豆浆');
    const second = search(b, '豆浆').hits[0]!;
    expect(plain(second.title)).toBe('夜市的豆浆');
    expect(plain(second.snippet)).toContain('夜市');
    expect(plain(second.snippet)).not.toContain('早市');
    // And the first site answers from its own documents again.
    expect(plain(search(a, '豆浆').hits[0]!.snippet)).toContain('早市');
  });
});
