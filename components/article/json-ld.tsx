import { newsArticleJsonLd, serializeJsonLd } from '@/lib/site/structured-data';
import type { ArticleMeta } from '@/lib/content/types';

/** An inline `<script type="application/ld+json">`, escaped so the data cannot close the element. */
export function JsonLd({ data }: { data: unknown }) {
  // A script's text is not HTML-escaped by React; serializeJsonLd makes it safe for this exact place.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

/** schema.org NewsArticle for an article page. */
export function ArticleJsonLd({ article }: { article: ArticleMeta }) {
  return <JsonLd data={newsArticleJsonLd(article)} />;
}
