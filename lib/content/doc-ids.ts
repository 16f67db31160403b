// Article and search document numbers follow publication time: the article's date in whole seconds
// (rounded up) times 2^20, plus a slot for articles of the same second. "Published by now" is then a
// number bound, and "newest first" is descending number order, which SQLite's full-text index applies by
// itself. Rounding up keeps the bound exact for dates in whole seconds (as front matter writes them) and
// never early for others, at most a second late. Seconds, not milliseconds, keep every number exact in
// a JavaScript double until the year 2255.

export const SLOTS_PER_SECOND = 2 ** 20;

/** The first number of the second an article dated `dateMs` is numbered in. */
export function firstIdOfSecond(dateMs: number): number {
  return Math.ceil(dateMs / 1000) * SLOTS_PER_SECOND;
}

/** Numbers below this belong to articles published by `now`. */
export function publishedBound(now: number): number {
  return (Math.floor(now / 1000) + 1) * SLOTS_PER_SECOND;
}
