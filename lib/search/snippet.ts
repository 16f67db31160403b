// Highlighted text for results: plain segments with a `hit` flag, never HTML, so the page renders
// them as text inside <mark> and nothing in an article can inject markup.
import { isWordCode } from './tokenize';

export type TextSegment = { text: string; hit: boolean };

export type Needle = {
  /** Folded text to find. */
  text: string;
  /** Latin words only match at the start of a word ("chat" does not light up inside "wechat"). */
  wordStart: boolean;
  /** Phrases count double when choosing the snippet's window. */
  weight: number;
};

type Match = { start: number; end: number; needle: number };

/** Per needle: enough to pick a window and light up a snippet, bounded for a very common character. */
const MAX_MATCHES_PER_NEEDLE = 200;

function atWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.codePointAt(index - 1) as number;
  return !isWordCode(before);
}

/** Every occurrence of every needle in `folded[from, to)`, sorted by position. */
export function findMatches(folded: string, needles: Needle[], from = 0, to = folded.length): Match[] {
  const matches: Match[] = [];
  needles.forEach((needle, n) => {
    if (!needle.text) return;
    let found = 0;
    let at = folded.indexOf(needle.text, from);
    while (at !== -1 && at + needle.text.length <= to && found < MAX_MATCHES_PER_NEEDLE) {
      if (!needle.wordStart || atWordStart(folded, at)) {
        matches.push({ start: at, end: at + needle.text.length, needle: n });
        found++;
      }
      at = folded.indexOf(needle.text, at + 1);
    }
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Cuts `[from, to)` into plain and highlighted segments; overlapping matches merge into one highlight. */
export function segmentsOf(
  matches: Match[],
  from: number,
  to: number,
  original: (start: number, end: number) => string,
): TextSegment[] {
  const out: TextSegment[] = [];
  let cursor = from;
  let open = -1;
  let close = -1;
  const emitHit = () => {
    if (open < 0) return;
    if (open > cursor) out.push({ text: original(cursor, open), hit: false });
    out.push({ text: original(open, close), hit: true });
    cursor = close;
    open = -1;
  };
  for (const m of matches) {
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (end <= start) continue;
    if (open >= 0 && start <= close) {
      close = Math.max(close, end);
      continue;
    }
    emitHit();
    open = Math.max(start, cursor);
    close = end;
  }
  emitHit();
  if (cursor < to) out.push({ text: original(cursor, to), hit: false });
  return out;
}

/** The whole of a short text (a title) with its matches highlighted. */
export function highlightAll(
  folded: string,
  needles: Needle[],
  original: (start: number, end: number) => string,
): TextSegment[] {
  return segmentsOf(findMatches(folded, needles), 0, folded.length, original);
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n', '；', ';']);

export type SnippetOptions = { length?: number; lead?: number };

/**
 * About `length` characters of `folded` around the densest cluster of matches (phrases weigh more),
 * starting at a sentence boundary when one is near, with "…" where text was left out.
 */
export function snippet(
  folded: string,
  needles: Needle[],
  original: (start: number, end: number) => string,
  { length = 120, lead = 36 }: SnippetOptions = {},
): TextSegment[] {
  const matches = findMatches(folded, needles);
  let anchor = 0;
  if (matches.length > 0) {
    // Two pointers over the sorted matches: the window with the most weight of distinct needles.
    let best = -1;
    let bestAt = 0;
    const inWindow = new Map<number, number>();
    let weight = 0;
    let left = 0;
    for (let right = 0; right < matches.length; right++) {
      const r = matches[right] as Match;
      const count = inWindow.get(r.needle) ?? 0;
      if (count === 0) weight += (needles[r.needle] as Needle).weight;
      inWindow.set(r.needle, count + 1);
      while (r.end - (matches[left] as Match).start > length - 10) {
        const l = matches[left] as Match;
        const c = (inWindow.get(l.needle) as number) - 1;
        inWindow.set(l.needle, c);
        if (c === 0) weight -= (needles[l.needle] as Needle).weight;
        left++;
      }
      if (weight > best) {
        best = weight;
        bestAt = (matches[left] as Match).start;
      }
    }
    anchor = bestAt;
  }

  let start = Math.max(0, anchor - lead);
  for (let i = anchor - 1; i >= start; i--) {
    if (SENTENCE_END.has(folded[i] as string)) {
      start = i + 1;
      break;
    }
  }
  // Never start inside a surrogate pair.
  if (start > 0 && (folded.charCodeAt(start) & 0xfc00) === 0xdc00) start++;
  let end = Math.min(folded.length, start + length);
  if (end < folded.length && (folded.charCodeAt(end) & 0xfc00) === 0xdc00) end++;

  const flat = (s: number, e: number) => original(s, e).replace(/\n/g, ' ');
  const segments = segmentsOf(matches, start, end, flat);
  if (start > 0 && segments[0]) segments.unshift({ text: '…', hit: false });
  if (end < folded.length) segments.push({ text: '…', hit: false });
  return mergePlain(segments);
}

function mergePlain(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && !last.hit && !s.hit) last.text += s.text;
    else if (s.text) out.push({ ...s });
  }
  return out;
}
