// Addresses of the search page, spelled in one place for the form, the results and the pager.

export const SEARCH_PATH = '/search';

/** `/search?q=…&page=n`; the page is left out when it is the first, the query when it is empty. */
export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams();
  const q = query.trim();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}

/** `?page=` as a whole number ≥ 1; anything else is page 1. */
export function parseSearchPage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^[1-9]\d{0,4}$/.test(value)) return 1;
  return Number(value);
}

/** The first `?q=` as a string ('' when absent). */
export function parseSearchQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ?? '';
}

/** The query and page of a result page's address, from its query string (`q=…&page=n`). */
export function parseSearchParams(params: URLSearchParams): { query: string; page: number } {
  return {
    query: parseSearchQuery(params.get('q') ?? undefined),
    page: parseSearchPage(params.get('page') ?? undefined),
  };
}
