// How much of each listing is prerendered at build time; the rest renders on first request and is
// cached (ISR), so build time follows the newest content, not the size of the archive.
import { getConfig } from '@/lib/config';
import { pageCount } from '@/lib/content/paginate';

export const LISTING_PAGES_PRERENDERED = 5;

/** Segments "2".."n" for the first `limit` pages of a listing of `total` items (page 1 has its own route). */
export function listingStaticPages(total: number, limit: number): string[] {
  const last = Math.min(pageCount(total, getConfig().pageSize), limit);
  const out: string[] = [];
  for (let p = 2; p <= last; p++) out.push(String(p));
  return out;
}
