// Page arithmetic shared by every paginated listing, and parsing of the `[page]` route segment.
export type PageSlice<T> = { items: T[]; page: number; totalPages: number; total: number };

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Returns null when the page is past the end (the route should 404), never an empty page 7 of 3. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): PageSlice<T> | null {
  const totalPages = pageCount(items.length, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, totalPages, total: items.length };
}

/** One page of a list that lives in the index: `fetch(limit, offset)` reads only that page's rows. */
export function pageFrom<T>(
  total: number,
  page: number,
  pageSize: number,
  fetch: (limit: number, offset: number) => T[],
): PageSlice<T> | null {
  const totalPages = pageCount(total, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: fetch(pageSize, (page - 1) * pageSize), page, totalPages, total };
}

/**
 * `/page/2` style segments: only canonical positive integers ≥ 2 ("1" has its own canonical URL,
 * "02" or "2.0" would duplicate a page). Returns null for anything else.
 */
export function parsePageSegment(segment: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 2 ? n : null;
}

/** The page numbers to show in a pager: first, last, and a window around the current one; 0 marks a gap. */
export function pagerWindow(page: number, totalPages: number, radius = 1): number[] {
  const out: number[] = [];
  for (let p = 1; p <= totalPages; p++) {
    if (p === 1 || p === totalPages || Math.abs(p - page) <= radius) out.push(p);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}
