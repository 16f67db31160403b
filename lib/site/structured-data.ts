// Structured data for search engines and link previews: the schema.org NewsArticle of an article page,
// serialized so that nothing in an article (a title with "</script>") can end the script element early.
import { absoluteUrl, getConfig } from '@/lib/config';
import { articlePath, authorPath, homePath } from '@/lib/content/paths';
import type { ArticleMeta } from '@/lib/content/types';

/** The image a share preview should show: head image, else the first picture in the body; absolute. */
export function shareImage(meta: Pick<ArticleMeta, 'headimg' | 'firstImage'>): string | null {
  const image = meta.headimg ?? meta.firstImage?.src ?? null;
  if (!image) return null;
  return image.startsWith('/') && !image.startsWith('//') ? absoluteUrl(image) : image;
}

/** Where Next.js serves the generated card of `app/articles/[slug]/opengraph-image.tsx`. */
export function generatedImagePath(slug: string): string {
  return `${articlePath(slug)}/opengraph-image`;
}

type Thing = { '@type': string; name: string; url?: string };

export type NewsArticleJsonLd = {
  '@context': 'https://schema.org';
  '@type': 'NewsArticle';
  headline: string;
  description?: string;
  url: string;
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string };
  datePublished: string;
  dateModified: string;
  inLanguage: 'zh-CN';
  image: string[];
  author: Thing[];
  publisher: Thing;
  articleSection?: string[];
  keywords?: string[];
};

/** Google shows at most 110 characters of a headline. */
const HEADLINE_MAX = 110;

export function newsArticleJsonLd(meta: ArticleMeta): NewsArticleJsonLd {
  const { siteName } = getConfig();
  const url = absoluteUrl(articlePath(meta.slug));
  const site: Thing = { '@type': 'Organization', name: siteName, url: absoluteUrl(homePath()) };
  const headline = Array.from(meta.title);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headline.length > HEADLINE_MAX ? `${headline.slice(0, HEADLINE_MAX - 1).join('')}…` : meta.title,
    ...(meta.excerpt ? { description: meta.excerpt } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: meta.date,
    // The files carry one date; an edit without a new date is invisible here.
    dateModified: meta.updated && meta.updated > meta.date ? meta.updated : meta.date,
    inLanguage: 'zh-CN',
    image: [shareImage(meta) ?? absoluteUrl(generatedImagePath(meta.slug))],
    author: meta.author
      ? [{ '@type': 'Person', name: meta.author, url: absoluteUrl(authorPath(meta.author)) }]
      : [site],
    publisher: site,
    ...(meta.categories.length > 0 ? { articleSection: meta.categories } : {}),
    ...(meta.tags.length > 0 ? { keywords: meta.tags } : {}),
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` become \u escapes (so
 * "</script>" or "<!--" in a title cannot break out), as do U+2028/U+2029 for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
