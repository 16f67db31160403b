import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { ARCHIVE_FULL_YEAR } from '@/lib/content/archive';
import { indexFromArticles } from '@/lib/content/memory-index';
import { DEMO_SITE, fakeMeta, writeSite } from '@/test/search-fixtures';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parsePartSegment,
  sitemapEntries,
  sitemapPartsBeforeNextBuild,
  sitemapPartSegments,
  sitemapPartXml,
  sitemapXml,
} from './sitemap';

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

  it('prerenders every part the sitemap will list before the next build, scheduled articles included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-sitemap-'));
    try {
      const write = (name: string, title: string, date: string, extra: string) =>
        fs.writeFileSync(
          path.join(dir, name),
          `---\ntitle: '${title}'\ndate: ${date}\n${extra}\n---\n<p>${title}。</p>\n`,
        );
      write('a.html', '旧文一', '2024-01-01 08:00', 'categories: [城市]');
      write('b.html', '旧文二', '2024-02-01 08:00', 'categories: [城市]');
      // Scheduled for 2031, each with a category, tag and author nobody has yet.
      for (let i = 1; i <= 6; i++)
        write(
          `s${i}.html`,
          `定时${i}`,
          `2031-01-0${i} 08:00`,
          `categories: [新类${i}]\ntags: [新标签${i}]\nauthor: 新作者${i}`,
        );
      let now = Date.UTC(2030, 0, 1);
      const site = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', now: () => now });
      const before = sitemapEntries(site);
      const limit = before.length; // everything fits in one file today
      expect(sitemapXml(before, limit)).toContain('<urlset');
      const prerendered = sitemapPartsBeforeNextBuild(site, limit);

      now = Date.UTC(2032, 0, 1); // all six have gone live
      const after = sitemapEntries(site);
      expect(after.length).toBeGreaterThan(limit);
      const listed: Array<{ loc: string }> = parse(sitemapXml(after, limit)).sitemapindex.sitemap;
      const segments = listed.map((s) => s.loc.slice(`${SITE}/sitemaps/`.length));
      expect(segments.length).toBeGreaterThan(1);
      for (const segment of segments) expect(prerendered).toContain(segment);
      expect(sitemapPartSegments(before.length, limit)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the month pages of a year too large for its own page to list every article', () => {
    const big = Array.from({ length: ARCHIVE_FULL_YEAR + 1 }, (_, i) => ({
      meta: fakeMeta({
        slug: `a${i}`,
        title: `第${i}篇`,
        date: i < 200 ? '2023-03-10T02:00:00.000Z' : '2023-07-01T02:00:00.000Z',
      }),
    }));
    const index = indexFromArticles([
      ...big,
      { meta: fakeMeta({ slug: 'small', title: '小', date: '2020-05-05T02:00:00.000Z' }) },
    ]);
    const locs = sitemapEntries(index).map((e) => e.url);
    expect(locs).toContain(`${SITE}/archive/2023/07`);
    expect(locs).toContain(`${SITE}/archive/2023/03`);
    expect(locs.filter((u) => u.startsWith(`${SITE}/archive/2023/`))).toHaveLength(2);
    expect(locs).toContain(`${SITE}/archive/2020`);
    expect(locs.some((u) => u.startsWith(`${SITE}/archive/2020/`))).toBe(false);
    expect(sitemapEntries(index).find((e) => e.url === `${SITE}/archive/2023/03`)?.lastmod).toBe(
      '2023-03-10T02:00:00.000Z',
    );
  });

  it('reads part segments strictly', () => {
    expect(parsePartSegment('2.xml')).toBe(2);
    expect(['0.xml', '02.xml', '2', 'a.xml', '2.xml.gz'].map(parsePartSegment)).toEqual([null, null, null, null, null]);
  });
});
