// /search?q=: rendered per request (it reads the query); everything it needs comes from lib/search.
import type { Metadata } from 'next';
import { SearchBox } from '@/components/search/search-box';
import { SearchResults } from '@/components/search/search-results';
import { searchArticles } from '@/lib/search/service';
import { parseSearchPage, parseSearchQuery, SEARCH_PATH } from '@/lib/search/search-path';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = parseSearchQuery((await searchParams).q).trim();
  return {
    title: q ? `搜索：${q}` : '搜索',
    // Result pages are endless variations of the site's own content; crawlers should follow, not index, them.
    robots: { index: false, follow: true },
    alternates: { canonical: SEARCH_PATH },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const result = await searchArticles(parseSearchQuery(params.q), { page: parseSearchPage(params.page) });
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <h1 className="sr-only">搜索</h1>
      <div className="mb-6">
        <SearchBox variant="page" />
      </div>
      <SearchResults result={result} />
    </div>
  );
}
