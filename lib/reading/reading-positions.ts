// The reader's place in the articles they have started, kept in localStorage without an account: one
// body offset per article slug, bounded to the most recent few dozen so it never grows without end.

export const POSITIONS_STORAGE_KEY = 'hutong-reading-positions';
export const MAX_POSITIONS = 50;

/** slug → { o: offset through the body (0–1), t: when it was saved, ms since the epoch } */
export type PositionStore = Record<string, { o: number; t: number }>;

/** Reads what storage holds, dropping anything malformed rather than failing. */
export function parsePositions(raw: string | null): PositionStore {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const store: PositionStore = {};
  for (const [slug, entry] of Object.entries(parsed)) {
    if (!entry || typeof entry !== 'object') continue;
    const { o, t } = entry as Record<string, unknown>;
    if (typeof o === 'number' && o > 0 && o <= 1 && typeof t === 'number' && Number.isFinite(t)) store[slug] = { o, t };
  }
  return trim(store);
}

function trim(store: PositionStore): PositionStore {
  const entries = Object.entries(store);
  if (entries.length <= MAX_POSITIONS) return store;
  entries.sort((a, b) => b[1].t - a[1].t);
  return Object.fromEntries(entries.slice(0, MAX_POSITIONS));
}

/** Records (or moves) an article's place; the oldest places fall out past MAX_POSITIONS. */
export function rememberPosition(store: PositionStore, slug: string, offset: number, now: number): PositionStore {
  return trim({ ...store, [slug]: { o: offset, t: now } });
}

export function forgetPosition(store: PositionStore, slug: string): PositionStore {
  if (!(slug in store)) return store;
  const next = { ...store };
  delete next[slug];
  return next;
}

export function positionOf(store: PositionStore, slug: string): number | null {
  return Object.hasOwn(store, slug) ? store[slug]!.o : null;
}
