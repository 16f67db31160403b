// /search/results?q=…&page=n: one page of search results as an HTML fragment, the same HTML /search shows
// in its results region (lib/search/results-html.ts). The region fetches it when it shows a tree the router
// kept from a page `npm start` put together (server/search-include.mjs), and that server asks it of itself
// when its own search thread cannot answer. Public and cacheable like /search itself (next.config.mjs).
import { getConfig } from '@/lib/config';
import { resultsAnswer } from '@/lib/search/results-html';
import { parseSearchParams } from '@/lib/search/search-path';
import { searchArticles } from '@/lib/search/service';

export async function GET(request: Request) {
  const { query, page } = parseSearchParams(new URL(request.url).searchParams);
  const result = await searchArticles(query, { page });
  const answer = resultsAnswer(result, query, page, getConfig());
  return new Response(answer.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // The document title of this result page, for the one putting the fragment into a page.
      'X-Search-Title': encodeURIComponent(answer.title),
      // Which result page this is, as the region names what it shows (data-address).
      'X-Search-Address': answer.address,
      'X-Robots-Tag': 'noindex',
    },
  });
}
