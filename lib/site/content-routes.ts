// Tells whether a content address (an article, a taxonomy listing, page N) exists, from the content index
// alone. The proxy sends unknown ones to the real 404 page before any route runs, for two reasons:
// - Next 16 renders a notFound() thrown by an on-demand (non-prerendered) dynamic route as an empty
//   shell that needs JavaScript to show anything (readers without it and crawlers saw a blank page);
// - that shell is written to the build folder's ISR cache, one entry of ~70 KB per address anyone makes
//   up, surviving restarts: an unknown address must cost no disk.
import type { ContentIndex } from '@/lib/content/index';
import { parseMonthSegment, parseYearSegment } from '@/lib/content/archive';
import { pageCount, parsePageSegment } from '@/lib/content/paginate';
import { articlePath } from '@/lib/content/paths';
import { slugify } from '@/lib/content/slug';
import { routeParam } from './route-params';
import { AUTHOR, CATEGORY, TAG, type TaxonomyKind } from './taxonomy';

export type RouteStatus = 'exists' | 'missing' | 'not-content' | { redirect: string };

function pageExists(segment: string, total: number, pageSize: number): boolean {
  if (segment === '1') return total > 0; // redirects to the listing's first page
  const page = parsePageSegment(segment);
  return page !== null && page <= pageCount(total, pageSize);
}

function taxonomyStatus(kind: TaxonomyKind, index: ContentIndex, rest: string[], pageSize: number): RouteStatus {
  if (rest.length === 0) return 'not-content'; // the index of names is a static page
  const [name, pageWord, page, ...extra] = rest;
  const total = kind.count(index, routeParam(name!, 'path'));
  if (rest.length === 1) return total > 0 ? 'exists' : 'missing';
  if (pageWord === 'page' && page !== undefined && extra.length === 0) {
    return total > 0 && pageExists(page, total, pageSize) ? 'exists' : 'missing';
  }
  // A category's, author's or tag's feed renders on first request, so an unknown name must stop here rather
  // than leave a cached 404 behind for every name anyone makes up.
  if (pageWord === 'feed.xml' && page === undefined) return total > 0 ? 'exists' : 'missing';
  // Other sub-paths (feeds and the like) belong to their own routes.
  return 'not-content';
}

/**
 * `/articles/<slug>` and its Open Graph card; other sub-paths match no route and get Next's static 404.
 * An address written with the raw file name (`/articles/中文 Mixed Case`) is sent on to the slug the
 * file gets (`/articles/中文-mixed-case`), permanently.
 */
function articleStatus(index: ContentIndex, rest: string[]): RouteStatus {
  const [slug, sub, ...extra] = rest;
  if (slug === undefined || extra.length > 0 || (sub !== undefined && sub !== 'opengraph-image')) return 'not-content';
  const name = routeParam(slug, 'path');
  if (index.getMeta(name)) return 'exists';
  const normalized = slugify(name.replace(/\.(?:md|markdown|html?|txt)$/i, ''));
  if (normalized && normalized !== name && index.getMeta(normalized)) {
    return { redirect: articlePath(normalized) + (sub ? `/${sub}` : '') };
  }
  return 'missing';
}

/**
 * The first segments of the site's own routes. An article's old address (a Hexo permalink or abbrlink)
 * never takes one of these over: under them it is honoured only where nothing else lives (a missing
 * article or listing), so a content file cannot hijack a real page such as /account or another article.
 */
export const SITE_ROUTE_HEADS: ReadonlySet<string> = new Set([
  '_next',
  'api',
  'articles',
  'categories',
  'authors',
  'tags',
  'page',
  'search',
  'archive',
  'feed.xml',
  'atom.xml',
  'sitemap.xml',
  'sitemap',
  'robots.txt',
  'icon',
  'icon.svg',
  'sitemaps',
  'favicon.ico',
  'demo',
  'account',
  'bookmarks',
  'highlights',
  'following',
  'drafts',
  'signin',
  'signup',
  'forgot-password',
  'reset-password',
  'verify-email',
  '_hutong',
]);

export function contentRouteStatus(pathname: string, index: ContentIndex, pageSize: number): RouteStatus {
  const status = ownRouteStatus(pathname, index, pageSize);
  const head = pathname.split('/').find(Boolean);
  const free = status === 'missing' || (status === 'not-content' && head !== undefined && !SITE_ROUTE_HEADS.has(head));
  if (!free) return status;
  const aliased = index.byAlias(pathname);
  return aliased ? { redirect: articlePath(aliased.slug) } : status;
}

function ownRouteStatus(pathname: string, index: ContentIndex, pageSize: number): RouteStatus {
  const parts = pathname.split('/').filter(Boolean);
  const [head, ...rest] = parts;
  switch (head) {
    case 'articles':
      return articleStatus(index, rest);
    case 'page':
      if (rest.length !== 1) return 'not-content';
      return pageExists(rest[0]!, index.count, pageSize) ? 'exists' : 'missing';
    case 'categories':
      return taxonomyStatus(CATEGORY, index, rest, pageSize);
    case 'authors':
      return taxonomyStatus(AUTHOR, index, rest, pageSize);
    case 'tags':
      return taxonomyStatus(TAG, index, rest, pageSize);
    case 'archive': {
      // A year or month exists once one of its articles is published, scheduled ones when their time comes.
      if (rest.length === 0 || rest.length > 2) return 'not-content';
      const year = index.archiveYears().find((y) => y.year === parseYearSegment(rest[0]!));
      if (rest.length === 1 || !year) return year ? 'exists' : 'missing';
      const month = parseMonthSegment(rest[1]!);
      return year.months.some((m) => m.month === month) ? 'exists' : 'missing';
    }
    default:
      return 'not-content';
  }
}
