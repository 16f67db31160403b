// /search/results?q=…&page=n: one page of search results as an HTML fragment, the same HTML /search shows
// in its results region (lib/search/results-html.ts). `npm start` puts it into the page's shell for a
// document request (server/search-include.mjs); the region fetches it when it shows a tree the router
// kept from such a page. Public and cacheable like /search itself (next.config.mjs).
import { getConfig } from '@/lib/config';
import { searchDocumentTitle, searchResultsHtml } from '@/lib/search/results-html';
import { parseSearchPage, parseSearchQuery, searchPath } from '@/lib/search/search-path';
import { searchArticles } from '@/lib/search/service';

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const query = parseSearchQuery(params.get('q') ?? undefined);
  const page = parseSearchPage(params.get('page') ?? undefined);
  const result = await searchArticles(query, { page });
  const { timeZone, siteName } = getConfig();
  return new Response(searchResultsHtml(result, timeZone), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // The document title of this result page, for the one putting the fragment into a page.
      'X-Search-Title': encodeURIComponent(searchDocumentTitle(query, siteName)),
      // Which result page this is, as the region names what it shows (data-address).
      'X-Search-Address': searchPath(query, page),
      'X-Robots-Tag': 'noindex',
    },
  });
}
