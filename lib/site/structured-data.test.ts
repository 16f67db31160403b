import { describe, expect, it, vi } from 'vitest';
import { fakeMeta } from '@/test/search-fixtures';
import { generatedImagePath, newsArticleJsonLd, serializeJsonLd, shareImage } from './structured-data';

vi.hoisted(() => {
  process.env.SITE_URL = 'https://hutong.example';
  process.env.SITE_NAME = '胡同';
});

const SITE = 'https://hutong.example';

describe('NewsArticle JSON-LD', () => {
  const meta = fakeMeta({
    slug: '胡同里的早晨',
    title: '胡同里的早晨',
    date: '2021-12-01T10:52:00.000Z',
    author: '老王',
    categories: ['城市', '生活'],
    tags: ['胡同'],
    excerpt: '卖豆浆的推车准时出现。',
    headimg: '/demo/hutong-morning.jpg',
  });

  it('describes the article with absolute URLs', () => {
    const url = `${SITE}/articles/${encodeURIComponent('胡同里的早晨')}`;
    expect(newsArticleJsonLd(meta)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '胡同里的早晨',
      description: '卖豆浆的推车准时出现。',
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      datePublished: '2021-12-01T10:52:00.000Z',
      dateModified: '2021-12-01T10:52:00.000Z',
      inLanguage: 'zh-CN',
      image: [`${SITE}/demo/hutong-morning.jpg`],
      author: [{ '@type': 'Person', name: '老王', url: `${SITE}/authors/${encodeURIComponent('老王')}` }],
      publisher: { '@type': 'Organization', name: '胡同', url: `${SITE}/` },
      articleSection: ['城市', '生活'],
      keywords: ['胡同'],
    });
  });

  it('falls back to the site as author and to the generated card as image', () => {
    const bare = newsArticleJsonLd(fakeMeta({ slug: 'bare', title: '无图无作者' }));
    expect(bare.author).toEqual([{ '@type': 'Organization', name: '胡同', url: `${SITE}/` }]);
    expect(bare.image).toEqual([`${SITE}${generatedImagePath('bare')}`]);
    expect(bare).not.toHaveProperty('keywords');
  });

  it('keeps long headlines within 110 characters', () => {
    const long = newsArticleJsonLd(fakeMeta({ title: '长'.repeat(200) }));
    expect(Array.from(long.headline)).toHaveLength(110);
    expect(long.headline.endsWith('…')).toBe(true);
  });
});

describe('share image', () => {
  it('prefers the head image, then the first body image, and makes site paths absolute', () => {
    expect(shareImage({ headimg: 'https://img.example.com/a.jpg', firstImage: null })).toBe(
      'https://img.example.com/a.jpg',
    );
    expect(shareImage({ headimg: null, firstImage: { src: '/demo/b.jpg', width: null, height: null, alt: '' } })).toBe(
      `${SITE}/demo/b.jpg`,
    );
    expect(shareImage({ headimg: null, firstImage: null })).toBeNull();
  });
});

describe('serializeJsonLd', () => {
  it('cannot be broken out of by a title', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script><!-- & \u2028' });
  });
});
