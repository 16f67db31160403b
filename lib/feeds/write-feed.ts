// RSS 2.0 and Atom 1.0 documents from one description of a feed; every URL in it is already absolute.
import { cdata, element, escapeXml } from './xml';

export type FeedItem = {
  title: string;
  url: string;
  /** ISO-8601 instant. */
  date: string;
  author: string | null;
  categories: string[];
  summary: string;
  /** Sanitized HTML with absolute addresses (see feed-html.ts). */
  html: string;
};

export type Feed = {
  title: string;
  description: string;
  /** The HTML page this feed mirrors. */
  pageUrl: string;
  /** The feed's own address. */
  selfUrl: string;
  /** Used when an entry names no author; Atom requires one. */
  siteName: string;
  language: string;
  /** Newest first. */
  items: FeedItem[];
};

/** The newest item's date, so a rebuild with no new article produces the same bytes. */
function updated(feed: Feed): Date {
  const newest = feed.items[0];
  return newest ? new Date(newest.date) : new Date(0);
}

export function writeRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.url, { isPermaLink: 'true' }),
      element('pubDate', new Date(item.date).toUTCString()),
      item.author ? element('dc:creator', item.author) : '',
      ...item.categories.map((c) => element('category', c)),
      element('description', item.summary),
      `<content:encoded>${cdata(item.html)}</content:encoded>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.pageUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('lastBuildDate', updated(feed).toUTCString()),
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element('generator', 'Hutong'),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function writeAtom(feed: Feed): string {
  const entries = feed.items.map((item) =>
    [
      '<entry>',
      element('id', item.url),
      element('title', item.title),
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      element('published', new Date(item.date).toISOString()),
      element('updated', new Date(item.date).toISOString()),
      item.author ? `<author>${element('name', item.author)}</author>` : '',
      ...item.categories.map((c) => `<category term="${escapeXml(c)}"/>`),
      element('summary', item.summary),
      element('content', item.html, { type: 'html' }),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    element('id', feed.pageUrl),
    element('title', feed.title),
    element('subtitle', feed.description),
    element('updated', updated(feed).toISOString()),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `<author>${element('name', feed.siteName)}</author>`,
    element('generator', 'Hutong'),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
