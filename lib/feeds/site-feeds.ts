// The site's feeds: the latest articles as RSS at /feed.xml and Atom at /atom.xml, and the same per category,
// author and tag (RSS at /categories/<name>/feed.xml, /authors/<name>/feed.xml, /tags/<name>/feed.xml).
import { absoluteUrl, getConfig } from '@/lib/config';
import { getContentIndex, type ContentIndex } from '@/lib/content/index';
import { readArticleBody } from '@/lib/content/body';
import { articlePath, authorPath, categoryPath, homePath, tagPath } from '@/lib/content/paths';
import type { ArticleMeta } from '@/lib/content/types';
import { feedHtml } from './feed-html';
import { writeAtom, writeRss, type Feed, type FeedItem } from './write-feed';

export const FEED_SIZE = 50;

export type FeedFormat = 'rss' | 'atom';

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** `/feed.xml` (RSS) and `/atom.xml` (Atom). */
export function siteFeedPath(format: FeedFormat): string {
  return format === 'rss' ? '/feed.xml' : '/atom.xml';
}

export type FeedTaxonomy = 'category' | 'author' | 'tag';

const TAXONOMY: Record<FeedTaxonomy, { path: (name: string) => string; label: string }> = {
  category: { path: categoryPath, label: '分类' },
  author: { path: authorPath, label: '作者' },
  tag: { path: tagPath, label: '标签' },
};

/** `/categories/<name>/feed.xml`, `/authors/<name>/feed.xml`, `/tags/<name>/feed.xml` (RSS). */
export function taxonomyFeedPath(kind: FeedTaxonomy, name: string): string {
  return `${TAXONOMY[kind].path(name)}/feed.xml`;
}

/** `/categories/<name>/feed.xml` (RSS). */
export function categoryFeedPath(name: string): string {
  return taxonomyFeedPath('category', name);
}

// Category feeds repeat the articles of the main feed; render each body once per process.
/** Feed bodies by file and date (what changes them without a rebuild is only a new build). */
const htmlCache = new Map<string, string>();
const HTML_CACHE_LIMIT = 256;

/** The newest FEED_SIZE of `articles` (already newest first), with full sanitized content. */
export function feedItems(content: ContentIndex, articles: ArticleMeta[]): FeedItem[] {
  const items: FeedItem[] = [];
  for (const meta of articles.slice(0, FEED_SIZE)) {
    const url = absoluteUrl(articlePath(meta.slug));
    const cacheKey = `${meta.file}\n${meta.date}`;
    let html = htmlCache.get(cacheKey);
    if (html === undefined) {
      const body = readArticleBody(content.dir, meta.file);
      // A file that vanished since the index was built is left out rather than failing the whole feed.
      if (body === null) continue;
      html = feedHtml(body, meta.format, url);
      if (htmlCache.size >= HTML_CACHE_LIMIT) htmlCache.delete(htmlCache.keys().next().value as string);
      htmlCache.set(cacheKey, html);
    }
    items.push({
      title: meta.title,
      url,
      date: meta.date,
      author: meta.author,
      categories: meta.categories,
      summary: meta.excerpt,
      html,
    });
  }
  return items;
}

function withSite(fields: Pick<Feed, 'title' | 'description' | 'pageUrl' | 'items'>, selfPath: string): Feed {
  const { siteName } = getConfig();
  return { ...fields, selfUrl: absoluteUrl(selfPath), siteName, language: 'zh-CN' };
}

/** The whole site's latest articles. */
export function siteFeed(format: FeedFormat): Feed {
  const content = getContentIndex();
  const { siteName, siteDescription } = getConfig();
  return withSite(
    {
      title: siteName,
      description: siteDescription,
      pageUrl: absoluteUrl(homePath()),
      items: feedItems(content, content.latest(FEED_SIZE)),
    },
    siteFeedPath(format),
  );
}

/** One category's, author's or tag's latest articles (RSS); null for a name with no published article. */
export function taxonomyFeed(kind: FeedTaxonomy, name: string): Feed | null {
  const content = getContentIndex();
  const articles = content.listing(kind, name, FEED_SIZE);
  if (articles.length === 0) return null;
  const { siteName } = getConfig();
  const description =
    kind === 'author'
      ? `${siteName}上「${name}」的最新文章`
      : `${siteName}「${name}」${TAXONOMY[kind].label}的最新文章`;
  return withSite(
    {
      title: `${kind === 'tag' ? '#' : ''}${name} · ${siteName}`,
      description,
      pageUrl: absoluteUrl(TAXONOMY[kind].path(name)),
      items: feedItems(content, articles),
    },
    taxonomyFeedPath(kind, name),
  );
}

/** One category's latest articles (RSS); null for a category with no published article. */
export function categoryFeed(name: string): Feed | null {
  return taxonomyFeed('category', name);
}

export function writeFeed(format: FeedFormat, feed: Feed): string {
  return format === 'rss' ? writeRss(feed) : writeAtom(feed);
}

/** The HTTP response for a feed route. */
export function feedResponse(format: FeedFormat, feed: Feed): Response {
  return new Response(writeFeed(format, feed), { headers: { 'Content-Type': FEED_CONTENT_TYPE[format] } });
}
