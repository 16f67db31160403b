// How long a shared cache (`npm start`'s response cache, a CDN in front of it) may keep a page, given the
// publication schedule: never past the next scheduled article's time. Every public page may change then
// (listings, feeds, the sitemap, search, the neighbour links of the article before it), so no page is
// kept fresh — or served stale — beyond that moment; past it, the server's publication event
// (server/publication-clock.mjs) has the pages rendered again.
// Plain JavaScript: server/serve.mjs runs before anything is compiled.

/** Directives that give a shared cache a lifetime, in the order they are looked at. */
const LIFETIMES = ['s-maxage', 'max-age'];

/**
 * A Cache-Control value limited so that no cache holds the answer past `limit` seconds from now:
 * `s-maxage` and `max-age` become at most `limit`; `stale-while-revalidate` and `stale-if-error` at
 * most what is left of `limit` after the freshness lifetime (a cache may not serve it stale past the
 * limit either). `limit` 0 turns a shared lifetime into `no-store` for shared caches
 * (`s-maxage=0`, no stale serving). Answers marked `immutable` (content-hashed build files) never change
 * with the schedule and are left alone, as are values with no lifetime at all (private, no-store).
 * @param {string | undefined} value
 * @param {number | null} limit seconds, or null for no limit
 * @returns {string | undefined}
 */
export function capCacheControl(value, limit) {
  if (value === undefined || limit === null) return value;
  const directives = value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const parsed = directives.map((d) => {
    const eq = d.indexOf('=');
    const name = (eq === -1 ? d : d.slice(0, eq)).trim().toLowerCase();
    const raw =
      eq === -1
        ? undefined
        : d
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
    const seconds = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
    return { name, text: d, seconds };
  });
  const names = new Set(parsed.map((d) => d.name));
  if (names.has('immutable') || names.has('no-store')) return value;
  if (!LIFETIMES.some((n) => names.has(n))) return value;
  const cap = Math.max(0, Math.floor(limit));
  const fresh = Math.min(
    cap,
    ...parsed.filter((d) => LIFETIMES.includes(d.name) && d.seconds !== undefined).map((d) => d.seconds ?? 0),
  );
  const staleRoom = Math.max(0, cap - fresh);
  const out = [];
  for (const d of parsed) {
    if (LIFETIMES.includes(d.name) && d.seconds !== undefined) out.push(`${d.name}=${Math.min(d.seconds, cap)}`);
    else if ((d.name === 'stale-while-revalidate' || d.name === 'stale-if-error') && d.seconds !== undefined) {
      const kept = Math.min(d.seconds, staleRoom);
      if (kept > 0) out.push(`${d.name}=${kept}`);
    } else out.push(d.text);
  }
  return out.join(', ');
}
