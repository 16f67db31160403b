// /search?q=: rendered per request (it reads the query); everything it needs comes from lib/search. The
// results are one HTML string (lib/search/results-html.ts), shown by the results region; `npm start`
// answers a document request for a query by putting the same string into this page's shell rendered
// once without a query (server/search-include.mjs).
import type { Metadata } from 'next';
import { SearchBox } from '@/components/search/search-box';
import { SearchResultsRegion } from '@/components/search/search-results-region';
import { getConfig } from '@/lib/config';
import { searchDocumentTitle, searchResultsHtml, searchTitle } from '@/lib/search/results-html';
import { searchArticles } from '@/lib/search/service';
import { parseSearchPage, parseSearchQuery, SEARCH_PATH, searchPath } from '@/lib/search/search-path';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return {
    title: searchTitle(parseSearchQuery((await searchParams).q)),
    // Result pages are endless variations of the site's own content; crawlers should follow, not index, them.
    robots: { index: false, follow: true },
    alternates: { canonical: SEARCH_PATH },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseSearchQuery(params.q);
  const page = parseSearchPage(params.page);
  const result = await searchArticles(query, { page });
  const { timeZone, siteName } = getConfig();
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <h1 className="sr-only">搜索</h1>
      <div className="mb-6">
        <SearchBox variant="page" />
      </div>
      <SearchResultsRegion
        html={searchResultsHtml(result, timeZone)}
        address={searchPath(query, page)}
        title={searchDocumentTitle(query, siteName)}
      />
    </div>
  );
}
