// The generated share card for articles without a picture. It carries no Chinese text on purpose: next/og
// only bundles a Latin font, fetches missing glyphs from Google Fonts at render time (no network here, and
// a blocked request in production), and a CJK font would add megabytes to every deploy. Instead each
// article gets its own arrangement of the site's tile motif, derived from its slug, plus its date and the
// site's address; the title itself travels next to the image in og:title.
import { getConfig } from '@/lib/config';
import { formatDateShort } from '@/lib/format/date';

export type TileShape = 'arch' | 'circle' | 'quarter' | 'square' | 'blank';

export type OgCard = {
  /** 6 columns × 4 rows, row by row. */
  tiles: Array<{ shape: TileShape; color: string; rotate: 0 | 90 | 180 | 270 }>;
  date: string;
  host: string;
  accent: string;
  paper: string;
  ink: string;
};

export const OG_COLUMNS = 6;
export const OG_ROWS = 4;

const PALETTE = ['#9c2f1f', '#c2573f', '#1d1c1a', '#5f5b55', '#d9a441', '#2f5d62'];
const SHAPES: TileShape[] = ['arch', 'circle', 'quarter', 'square', 'blank', 'arch', 'quarter'];
const TURNS = [0, 90, 180, 270] as const;

/** FNV-1a: a small stable hash, so the same slug always draws the same card. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function random(seed: number): () => number {
  let a = seed || 1;
  return () => {
    a ^= a << 13;
    a ^= a >>> 17;
    a ^= a << 5;
    return (a >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

/** Everything the card shows for an article; only ASCII text, so the bundled font covers it. */
export function ogCard(slug: string, isoDate: string): OgCard {
  const { siteUrl, timeZone } = getConfig();
  const next = random(hash(slug));
  const tiles = Array.from({ length: OG_COLUMNS * OG_ROWS }, () => ({
    shape: pick(next, SHAPES),
    color: pick(next, PALETTE),
    rotate: pick(next, TURNS),
  }));
  return {
    tiles,
    date: formatDateShort(isoDate, timeZone).replace(/-/g, '.'),
    host: new URL(siteUrl).host,
    accent: '#9c2f1f',
    paper: '#fbfaf7',
    ink: '#1d1c1a',
  };
}
