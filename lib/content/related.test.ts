import { afterAll, describe, expect, it } from 'vitest';
import { buildContentIndex } from './index';
import type { ArticleMeta } from './types';
import { indexFromArticles } from './memory-index';
import { relatedArticles, RELATED_MAX, RELATED_MIN } from './related';
import { DEMO_SITE, fakeMeta, writeSite } from '@/test/search-fixtures';

let day = 0;
/** Each call is one day older than the previous, so the list comes out newest first. */
function a(slug: string, title: string, fields: Partial<ArticleMeta> = {}): ArticleMeta {
  day++;
  return fakeMeta({ slug, title, date: new Date(Date.UTC(2024, 0, 1) - day * 86_400_000).toISOString(), ...fields });
}

const slugs = (list: ArticleMeta[]) => list.map((x) => x.slug);

describe('related articles', () => {
  const published = [
    a('taobao-wechat', '淘宝终于能在微信里打开了', { categories: ['互联网'], tags: ['互联互通'], excerpt: '微信和淘宝之间的外链规则变了。' }),
    a('tea', '一杯春茶', { categories: ['生活'], tags: ['茶'], excerpt: '春天的第一杯绿茶。' }),
    a('outlinks', '微信外链新规', { categories: ['互联网'], tags: ['互联互通'], excerpt: '外链可以直接打开了。' }),
    a('alipay', '支付宝的社交梦', { categories: ['互联网'], excerpt: '社交一直是难题。' }),
    a('taobao-live', '淘宝直播五年', { categories: ['电商'], excerpt: '直播带货改变了淘宝。' }),
    a('tea-house', '老街茶馆', { categories: ['生活'], tags: ['茶'], excerpt: '茶馆里的下午。' }),
    a('market', '早市', { categories: ['生活'], excerpt: '卖菜的吆喝声。' }),
  ];
  const content = indexFromArticles(published.map((meta) => ({ meta })));
  const index = { related: (slug: string) => relatedArticles(content, slug) };
  const buildRelatedIndex = (list: ArticleMeta[]) => {
    const c = indexFromArticles(list.map((meta) => ({ meta })));
    return { related: (slug: string) => relatedArticles(c, slug) };
  };

  it('ranks shared tags and title words above a shared broad category', () => {
    // outlinks shares the tag, the category and 微信; taobao-live shares 淘宝; alipay only the category.
    expect(slugs(index.related('taobao-wechat'))).toEqual(['outlinks', 'taobao-live', 'alipay']);
    expect(slugs(index.related('tea'))[0]).toBe('tea-house');
  });

  it('gives 3 to 5 articles, filling with nearby articles of the same category when little is shared', () => {
    for (const article of published) {
      const related = index.related(article.slug);
      expect(related.length).toBeGreaterThanOrEqual(RELATED_MIN);
      expect(related.length).toBeLessThanOrEqual(RELATED_MAX);
      expect(new Set(slugs(related)).size).toBe(related.length);
    }
    expect(slugs(index.related('market')).slice(0, 2).sort()).toEqual(['tea', 'tea-house'].sort());
  });

  it('knows nothing about unknown slugs', () => {
    expect(index.related('no-such-article')).toEqual([]);
  });

  it('stays small on a tiny site', () => {
    const tiny = buildRelatedIndex([a('one', '一'), a('two', '二')]);
    expect(slugs(tiny.related('one'))).toEqual(['two']);
  });

  it('stays bounded when thousands of articles share one category: the nearest in time among equals', () => {
    const many = Array.from({ length: 4000 }, (_, i) => a(`n-${i}`, `第${i}篇城市笔记`, { categories: ['城市'], excerpt: '城市里的一天。' }));
    const big = buildRelatedIndex(many);
    for (let i = 0; i < 200; i++) expect(big.related(`n-${i * 20}`)).toHaveLength(RELATED_MAX);
    // Nearest in time wins among equals.
    expect(slugs(big.related('n-2000')).every((s) => Math.abs(Number(s.slice(2)) - 2000) <= 3)).toBe(true);
  });
});

describe('getRelated over a content folder', () => {
  const site = writeSite(DEMO_SITE);
  afterAll(() => site.cleanup());

  it('offers published articles only, never a draft sharing the category', () => {
    const content = buildContentIndex({ dir: site.dir, timeZone: 'Asia/Shanghai' });
    expect(slugs(relatedArticles(content, 'hutong'))).toEqual(['tea']);
    expect(relatedArticles(content, 'secret')).toEqual([]);
  });
});
