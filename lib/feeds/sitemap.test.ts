import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { DEMO_SITE, writeSite } from '@/test/search-fixtures';
import { parsePartSegment, sitemapEntries, sitemapPartSegments, sitemapPartXml, sitemapXml } from './sitemap';

const SITE = vi.hoisted(() => {
  process.env.SITE_URL = 'https://hutong.example';
  return 'https://hutong.example';
});

let content: ContentIndex;
let cleanup: () => void;

beforeAll(() => {
  const site = writeSite(DEMO_SITE);
  cleanup = site.cleanup;
  content = buildContentIndex({ dir: site.dir, timeZone: 'Asia/Shanghai' });
});
afterAll(() => cleanup());

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}
const enc = encodeURIComponent;

describe('sitemap.xml', () => {
  it('lists every public page with an absolute address and a lastmod, and no draft', () => {
    const urls: Array<{ loc: string; lastmod: string }> = parse(sitemapXml(sitemapEntries(content))).urlset.url;
    expect(urls.map((u) => u.loc)).toEqual([
      `${SITE}/`,
      `${SITE}/categories`,
      `${SITE}/authors`,
      `${SITE}/tags`,
      `${SITE}/archive`,
      `${SITE}/archive/2024`,
      `${SITE}/archive/2021`,
      `${SITE}/categories/${enc('生活')}`,
      `${SITE}/categories/${enc('城市')}`,
      `${SITE}/authors/${enc('老王')}`,
      `${SITE}/authors/${enc('许青禾')}`,
      `${SITE}/tags/${enc('茶')}`,
      `${SITE}/tags/${enc('胡同')}`,
      `${SITE}/articles/tea`,
      `${SITE}/articles/hutong`,
    ]);
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]));
    expect(byLoc.get(`${SITE}/articles/hutong`)).toBe('2021-12-01T10:52:00.000Z');
    expect(byLoc.get(`${SITE}/`)).toBe('2024-04-05T02:00:00.000Z');
    expect(byLoc.get(`${SITE}/categories/${enc('城市')}`)).toBe('2021-12-01T10:52:00.000Z');
  });

  it('becomes an index of parts past the per-file limit, and the parts hold every URL once', () => {
    const entries = sitemapEntries(content);
    const limit = 5;
    const index: Array<{ loc: string; lastmod: string }> = parse(sitemapXml(entries, limit)).sitemapindex.sitemap;
    expect(index.map((s) => s.loc)).toEqual([
      `${SITE}/sitemaps/1.xml`,
      `${SITE}/sitemaps/2.xml`,
      `${SITE}/sitemaps/3.xml`,
    ]);
    expect(index[0]?.lastmod).toBe('2024-04-05T02:00:00.000Z');
    expect(sitemapPartSegments(entries.length, limit)).toEqual(['1.xml', '2.xml', '3.xml']);

    const all = [1, 2, 3].flatMap((part) =>
      parse(sitemapPartXml(entries, part, limit)!).urlset.url.map((u: { loc: string }) => u.loc),
    );
    expect(all).toEqual(entries.map((e) => e.url));
    expect(sitemapPartXml(entries, 4, limit)).toBeNull();
    expect(sitemapPartXml(entries, 1)).toBeNull();
    expect(sitemapPartSegments(entries.length)).toEqual([]);
  });

  it('reads part segments strictly', () => {
    expect(parsePartSegment('2.xml')).toBe(2);
    expect(['0.xml', '02.xml', '2', 'a.xml', '2.xml.gz'].map(parsePartSegment)).toEqual([null, null, null, null, null]);
  });
});
