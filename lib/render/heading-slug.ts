// Readable, URL-safe ids for section headings: the heading's own words, CJK kept, punctuation dropped.
const MAX_SLUG_LENGTH = 64;

export function slugifyHeading(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]+/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut on code points so a CJK character or an emoji is never split in half.
  return Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
}

/** Returns `base`, or `base-2`, `base-3`… when taken, and records the result as taken. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}
