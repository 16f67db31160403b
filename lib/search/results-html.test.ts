import { describe, expect, it } from 'vitest';
import type { SearchPage } from '@/lib/search/run-query';
import { fakeMeta } from '@/test/search-fixtures';
import { searchResultsHtml } from './results-html';

function page(fields: Partial<SearchPage>): SearchPage {
  return {
    query: '淘宝',
    total: 0,
    more: false,
    page: 1,
    pageSize: 10,
    totalPages: 1,
    hits: [],
    partial: false,
    tookMs: 1,
    ...fields,
  };
}

const hit = {
  article: fakeMeta({
    slug: 'wechat-taobao',
    title: '微信打开<淘宝>',
    categories: ['互联网'],
    author: '老王',
    date: '2021-12-01T10:52:00.000Z',
  }),
  title: [
    { text: '微信打开<', hit: false },
    { text: '淘宝', hit: true },
    { text: '>', hit: false },
  ],
  snippet: [
    { text: '…在微信上打开', hit: false },
    { text: '淘宝', hit: true },
    { text: '链接 <script>alert(1)</script>…', hit: false },
  ],
};

const render = (result: SearchPage) => searchResultsHtml(result, 'Asia/Shanghai');

describe('search results HTML', () => {
  it('marks matches in titles and snippets and escapes everything else', () => {
    const html = render(page({ total: 1, hits: [hit] }));
    expect(html.match(/<mark[^>]*>淘宝<\/mark>/g)).toHaveLength(2);
    expect(html).toContain('微信打开&lt;');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="/articles/wechat-taobao"');
    expect(html).toContain('2021年12月1日');
  });

  it('says how many articles were found, and which page this is', () => {
    const html = render(page({ total: 23, totalPages: 3, page: 2, hits: [hit] }));
    expect(html).toContain(
      '找到 <strong class="font-semibold text-fg">23</strong> 篇与「淘宝」相关的文章，第 2 / 3 页。',
    );
    expect(html).toContain(`href="/search?q=${encodeURIComponent('淘宝')}&amp;page=3"`);
    expect(html).toContain(`href="/search?q=${encodeURIComponent('淘宝')}"`);
  });

  it('says "more than" when the count stopped at its limit', () => {
    const html = render(page({ total: 1000, more: true, totalPages: 100, hits: [hit] }));
    expect(html).toContain(
      '找到 <strong class="font-semibold text-fg">1000 多</strong> 篇与「淘宝」相关的文章，第 1 / 100 页。',
    );
  });

  it('has a zh-CN empty state with somewhere to go next', () => {
    const html = render(page({ query: '火星文' }));
    expect(html).toContain('没有找到与「火星文」相关的文章。');
    expect(html).toContain('href="/categories"');
    expect(html).toContain('href="/archive"');
  });

  it('invites a query when there is none, and flags results that match only some words', () => {
    expect(render(page({ query: '' }))).toContain('输入关键词，搜索全站文章。');
    const partial = render(page({ total: 1, hits: [hit], partial: true }));
    expect(partial).toContain('没有文章同时包含所有词语');
  });

  it('escapes a query that looks like markup wherever it is shown', () => {
    const html = render(page({ query: '"><img src=x onerror=alert(1)>' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
