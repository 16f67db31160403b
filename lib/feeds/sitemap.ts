// sitemap.xml for crawlers: every public page with its lastmod, split under a sitemap index when the site
// outgrows the protocol's 50,000 URLs per file.
import { absoluteUrl } from '@/lib/config';
import type { ContentIndex } from '@/lib/content/index';
import {
  articlePath,
  authorPath,
  authorsPath,
  categoriesPath,
  categoryPath,
  homePath,
  tagPath,
  tagsPath,
} from '@/lib/content/paths';
import { archivePath, listsInFull } from '@/lib/content/archive';
import { element } from './xml';

/** The protocol's limit on URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = { url: string; lastmod: string | null };

/** Every public, indexable page, listings first, then articles newest first. Drafts never appear. */
export function sitemapEntries(content: ContentIndex): SitemapEntry[] {
  const articles = content.slugsAndDates();
  const newest = articles[0]?.date ?? null;
  const entries: SitemapEntry[] = [
    { url: absoluteUrl(homePath()), lastmod: newest },
    { url: absoluteUrl(categoriesPath()), lastmod: newest },
    { url: absoluteUrl(authorsPath()), lastmod: newest },
    { url: absoluteUrl(tagsPath()), lastmod: newest },
    { url: absoluteUrl(archivePath()), lastmod: newest },
  ];
  for (const year of content.archiveYears()) {
    entries.push({ url: absoluteUrl(archivePath(year.year)), lastmod: year.latest });
    // A year too large to list in full links to its months' pages instead (archive.ts).
    if (!listsInFull(year))
      for (const m of year.months)
        entries.push({ url: absoluteUrl(archivePath(year.year, m.month)), lastmod: m.latest });
  }
  for (const c of content.categories) entries.push({ url: absoluteUrl(categoryPath(c.name)), lastmod: c.latest });
  for (const a of content.authors) entries.push({ url: absoluteUrl(authorPath(a.name)), lastmod: a.latest });
  for (const t of content.tags) entries.push({ url: absoluteUrl(tagPath(t.name)), lastmod: t.latest });
  for (const meta of articles) entries.push({ url: absoluteUrl(articlePath(meta.slug)), lastmod: meta.date });
  return entries;
}

const lastmodOf = (iso: string | null) => (iso ? new Date(iso).toISOString() : null);

export function writeUrlset(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => `<url>${element('loc', e.url)}${element('lastmod', lastmodOf(e.lastmod))}</url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function writeSitemapIndex(sitemaps: SitemapEntry[]): string {
  const items = sitemaps.map(
    (s) => `<sitemap>${element('loc', s.url)}${element('lastmod', lastmodOf(s.lastmod))}</sitemap>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items,
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** `/sitemaps/1.xml`, `/sitemaps/2.xml`…: the parts listed by the index. */
export function sitemapPartPath(part: number): string {
  return `/sitemaps/${part}.xml`;
}

/** The parts' numbers as route segments ("1.xml"…); none while one file holds everything. */
export function sitemapPartSegments(total: number, limit = SITEMAP_LIMIT): string[] {
  if (total <= limit) return [];
  return Array.from({ length: Math.ceil(total / limit) }, (_, i) => `${i + 1}.xml`);
}

/**
 * The parts to prerender: enough for every URL the sitemap can list before the next build. Scheduled
 * articles go live without one and add their own page and, at most, a page for each of their categories,
 * tags, author and year; a part with nothing in it yet answers 404 until they do. (Parts are not rendered
 * on demand: a stranger asking for part 1 to 999999 would fill the build folder.)
 */
export function sitemapPartsBeforeNextBuild(content: ContentIndex, limit = SITEMAP_LIMIT): string[] {
  const atMost = content.scheduled.reduce(
    (n, a) => n + 2 + a.categories.length + a.tags.length + (a.author ? 1 : 0),
    sitemapEntries(content).length,
  );
  return sitemapPartSegments(atMost, limit);
}

/** "3.xml" → 3; null for anything else. */
export function parsePartSegment(segment: string): number | null {
  const m = /^([1-9]\d{0,5})\.xml$/.exec(segment);
  return m ? Number(m[1]) : null;
}

function latest(entries: SitemapEntry[]): string | null {
  let best: string | null = null;
  for (const e of entries) if (e.lastmod && (!best || e.lastmod > best)) best = e.lastmod;
  return best;
}

/** `/sitemap.xml`: every URL when they fit in one file, else an index of the parts. */
export function sitemapXml(entries: SitemapEntry[], limit = SITEMAP_LIMIT): string {
  if (entries.length <= limit) return writeUrlset(entries);
  const parts: SitemapEntry[] = [];
  for (let start = 0, part = 1; start < entries.length; start += limit, part++) {
    parts.push({ url: absoluteUrl(sitemapPartPath(part)), lastmod: latest(entries.slice(start, start + limit)) });
  }
  return writeSitemapIndex(parts);
}

/** One part of a split sitemap; null when there is no such part. */
export function sitemapPartXml(entries: SitemapEntry[], part: number, limit = SITEMAP_LIMIT): string | null {
  if (entries.length <= limit || part < 1) return null;
  const slice = entries.slice((part - 1) * limit, part * limit);
  return slice.length === 0 ? null : writeUrlset(slice);
}

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
