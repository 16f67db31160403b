// Link builders for every public page, so routes are spelled in one place.

function withPage(base: string, page: number | undefined): string {
  if (page === undefined || page <= 1) return base;
  if (!Number.isInteger(page)) throw new RangeError(`page must be a whole number, got ${page}`);
  return `${base === '/' ? '' : base}/page/${page}`;
}

/** `/articles/<slug>`; the slug is percent-encoded so CJK and dots survive every client. */
export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

/** `/`, then `/page/2`, `/page/3`… */
export function homePath(page?: number): string {
  return withPage('/', page);
}

/** `/categories`, the index of all categories. */
export function categoriesPath(): string {
  return '/categories';
}

/** `/categories/<name>`, then `/categories/<name>/page/2`… */
export function categoryPath(name: string, page?: number): string {
  return withPage(`/categories/${encodeURIComponent(name)}`, page);
}

/** `/authors`, the index of all authors. */
export function authorsPath(): string {
  return '/authors';
}

/** `/authors/<name>`, then `/authors/<name>/page/2`… */
export function authorPath(name: string, page?: number): string {
  return withPage(`/authors/${encodeURIComponent(name)}`, page);
}

/** `/tags`, the index of all tags. */
export function tagsPath(): string {
  return '/tags';
}

/** `/tags/<name>`, then `/tags/<name>/page/2`… */
export function tagPath(name: string, page?: number): string {
  return withPage(`/tags/${encodeURIComponent(name)}`, page);
}
