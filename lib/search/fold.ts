// Case and width folding for search: NFKC + lower case, one UTF-16 unit in, one unit out, so an
// offset in the folded text is the same offset in the text the reader sees (snippets rely on it).

const cache = new Map<number, number>();

function foldUnitSlow(code: number): number {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const char = String.fromCharCode(code);
  let folded = char.normalize('NFKC').toLowerCase();
  // A compatibility form that expands (㈱ → (株), ﬁ → fi) would shift every later offset; such
  // forms stay as they are, and only their case is folded when that keeps the length.
  if (folded.length !== 1) folded = char.toLowerCase();
  const out = folded.length === 1 ? folded.charCodeAt(0) : code;
  cache.set(code, out);
  return out;
}

/** Folds one UTF-16 unit. Surrogate halves pass through untouched. */
export function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  // Unified ideographs are their own fold; they are most of every body, so skip the lookup.
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (code === 0x3000) return 0x20;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  return foldUnitSlow(code);
}

/** Full-width ↔ half-width and upper ↔ lower case made equal; `result.length === text.length` always. */
export function foldText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldUnit(code);
    if (folded !== code) {
      out += text.slice(from, i) + String.fromCharCode(folded);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Where `text` and its fold differ, as (position, original unit) pairs: enough to give a stored
 * folded text its original face back without keeping both copies in memory.
 */
export type FoldDiff = { positions: Uint32Array; units: Uint16Array };

const NO_DIFF: FoldDiff = { positions: new Uint32Array(0), units: new Uint16Array(0) };

export function foldWithDiff(text: string): { folded: string; diff: FoldDiff } {
  const folded = foldText(text);
  if (folded === text) return { folded, diff: NO_DIFF };
  const positions: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== folded.charCodeAt(i)) {
      positions.push(i);
      units.push(text.charCodeAt(i));
    }
  }
  return { folded, diff: { positions: Uint32Array.from(positions), units: Uint16Array.from(units) } };
}

/** The original text of `folded[start, end)`. */
export function unfoldSlice(folded: string, diff: FoldDiff, start: number, end: number): string {
  const { positions, units } = diff;
  if (positions.length === 0) return folded.slice(start, end);
  // First diff at or after `start` (binary search: long bodies can have many Latin capitals).
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  let out = '';
  let from = start;
  for (let k = lo; k < positions.length; k++) {
    const pos = positions[k] as number;
    if (pos >= end) break;
    out += folded.slice(from, pos) + String.fromCharCode(units[k] as number);
    from = pos + 1;
  }
  return out + folded.slice(from, end);
}
