import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { DEMO_SITE, writeSite } from '@/test/search-fixtures';
import { categoryFeed, feedResponse, siteFeed, taxonomyFeed, writeFeed, FEED_SIZE } from './site-feeds';

const state = vi.hoisted(() => {
  // A site below a path, so "absolute" has to mean more than prefixing the origin.
  process.env.SITE_URL = 'https://hutong.example/blog';
  process.env.SITE_NAME = '胡同';
  return { content: null as ContentIndex | null };
});

vi.mock('@/lib/content/index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/index')>();
  return { ...actual, getContentIndex: () => state.content ?? actual.getContentIndex() };
});

const SITE = 'https://hutong.example/blog';
let cleanup: () => void;

beforeAll(() => {
  const site = writeSite(DEMO_SITE);
  cleanup = site.cleanup;
  state.content = buildContentIndex({ dir: site.dir, timeZone: 'Asia/Shanghai' });
});

afterAll(() => cleanup());

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function parse(xml: string) {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml);
}

type RssItem = {
  title: string;
  link: string;
  guid: { '#text': string };
  pubDate: string;
  'content:encoded': string;
  category: string | string[];
};
type AtomEntry = {
  id: string;
  title: string;
  content: { '#text': string; '@type': string };
  link: { '@href': string };
};

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('RSS at /feed.xml', () => {
  const rss = () => parse(writeFeed('rss', siteFeed('rss'))).rss;

  it('is valid XML describing the site with absolute addresses', () => {
    const channel = rss().channel;
    expect(channel.title).toBe('胡同');
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.language).toBe('zh-CN');
    expect(channel['atom:link']['@href']).toBe(`${SITE}/feed.xml`);
    expect(channel.lastBuildDate).toBe('Fri, 05 Apr 2024 02:00:00 GMT');
  });

  it('lists published articles newest first and never a draft', () => {
    const items = asList<RssItem>(rss().channel.item);
    expect(items.map((i) => i.title)).toEqual(['一杯春茶', '胡同里的早晨']);
    expect(items[1]?.link).toBe(`${SITE}/articles/hutong`);
    expect(items[1]?.guid['#text']).toBe(`${SITE}/articles/hutong`);
    expect(items[1]?.pubDate).toBe('Wed, 01 Dec 2021 10:52:00 GMT');
    expect(asList(items[1]?.category)).toEqual(['城市', '生活']);
  });

  it('carries the full sanitized body with every link and image made absolute', () => {
    const html = asList<RssItem>(rss().channel.item)[1]!['content:encoded'];
    expect(html).toContain('卖豆浆的推车准时出现');
    expect(html).toContain(`src="${SITE}/demo/alley.jpg"`);
    expect(html).toContain(`href="${SITE}/articles/tea"`);
    expect(html).toContain(`href="${SITE}/articles/hutong#user-content-x"`);
    expect(html).toContain('<figcaption>清晨的胡同</figcaption>');
    expect(html).not.toMatch(/(src|href)="\//);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('heading-anchor');
    // "]]>" in the text cannot close the CDATA section early, and the control character is gone.
    expect(html).toContain('a[b[c]]> 这样的东西');
    expect(html).not.toContain('\u0001');
  });
});

describe('Atom at /atom.xml', () => {
  it('is valid XML with absolute ids, links and escaped HTML content', () => {
    const feed = parse(writeFeed('atom', siteFeed('atom'))).feed;
    expect(feed.id).toBe(`${SITE}/`);
    expect(feed.updated).toBe('2024-04-05T02:00:00.000Z');
    expect(asList<{ '@rel': string; '@href': string }>(feed.link).map((l) => [l['@rel'], l['@href']])).toEqual([
      ['self', `${SITE}/atom.xml`],
      ['alternate', `${SITE}/`],
    ]);
    const entries = asList<AtomEntry>(feed.entry);
    expect(entries.map((e) => e.id)).toEqual([`${SITE}/articles/tea`, `${SITE}/articles/hutong`]);
    expect(entries[1]?.content['@type']).toBe('html');
    expect(entries[1]?.content['#text']).toContain(`src="${SITE}/demo/alley.jpg"`);
  });
});

describe('category feeds', () => {
  it('hold only that category’s published articles', () => {
    const city = categoryFeed('城市');
    expect(city?.items.map((i) => i.title)).toEqual(['胡同里的早晨']);
    const channel = parse(writeFeed('rss', city!)).rss.channel;
    expect(channel.title).toBe('城市 · 胡同');
    expect(channel.link).toBe(`${SITE}/categories/${encodeURIComponent('城市')}`);
    expect(channel['atom:link']['@href']).toBe(`${SITE}/categories/${encodeURIComponent('城市')}/feed.xml`);
  });

  it('do not exist for an unknown category or one with drafts only', () => {
    expect(categoryFeed('火星')).toBeNull();
  });
});

describe('author and tag feeds (关注 in a feed reader)', () => {
  it('hold only that author’s or tag’s published articles, at their own addresses', () => {
    const author = taxonomyFeed('author', '许青禾');
    expect(author?.items.map((i) => i.title)).toEqual(['一杯春茶']);
    const channel = parse(writeFeed('rss', author!)).rss.channel;
    expect(channel.title).toBe('许青禾 · 胡同');
    expect(channel.link).toBe(`${SITE}/authors/${encodeURIComponent('许青禾')}`);
    expect(channel['atom:link']['@href']).toBe(`${SITE}/authors/${encodeURIComponent('许青禾')}/feed.xml`);
    const tag = taxonomyFeed('tag', '胡同');
    expect(tag?.items.map((i) => i.title)).toEqual(['胡同里的早晨']);
    expect(parse(writeFeed('rss', tag!)).rss.channel['atom:link']['@href']).toBe(
      `${SITE}/tags/${encodeURIComponent('胡同')}/feed.xml`,
    );
  });

  it('do not exist for a name no published article carries', () => {
    expect(taxonomyFeed('author', '无名氏')).toBeNull();
    expect(taxonomyFeed('tag', '火星')).toBeNull();
  });
});

describe('responses', () => {
  it('send the right content types', async () => {
    const rss = feedResponse('rss', siteFeed('rss'));
    expect(rss.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(await rss.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(feedResponse('atom', siteFeed('atom')).headers.get('Content-Type')).toBe(
      'application/atom+xml; charset=utf-8',
    );
  });
});

describe('size', () => {
  it(`keeps the latest ${FEED_SIZE} articles`, () => {
    const many = writeSite(
      Array.from({ length: FEED_SIZE + 5 }, (_, i) => ({
        name: `a-${i}.html`,
        title: `第 ${i} 篇`,
        date: new Date(Date.UTC(2020, 0, 1 + i)).toUTCString(),
        body: '<p>正文。</p>',
      })),
    );
    const previous = state.content;
    try {
      state.content = buildContentIndex({ dir: many.dir, timeZone: 'Asia/Shanghai' });
      const items = siteFeed('rss').items;
      expect(items).toHaveLength(FEED_SIZE);
      expect(items[0]?.title).toBe(`第 ${FEED_SIZE + 4} 篇`);
    } finally {
      state.content = previous;
      many.cleanup();
    }
  });
});
