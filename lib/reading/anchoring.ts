// Where a reader's highlight sits in an article's text, kept the way W3C Web Annotation selectors keep it
// (a TextQuoteSelector — the passage with a little text either side — and a TextPositionSelector — its
// character offsets), and found again after the article file has changed, the way Hypothesis anchors:
// the offsets first if the passage is still there, else every place the passage occurs (scored by its
// context and by how near it is to where it was), else an approximate match (approx-string-match, Myers'
// bit-parallel algorithm, the library Hypothesis itself uses) within a bounded number of edits.
// Pure string functions: the DOM side (lib/reading/text-index.ts) turns ranges into offsets and back.
// Why not @apache-annotator/dom, the library made for these selectors: its one release (0.2.0, 2021) imports
// @apache-annotator/selector without declaring it, and weighs 48 KiB gzip in the browser, 85% of it core-js
// polyfills; dom-anchor-text-quote (the older Hypothesis-lineage package) re-reads textContent per call and
// matches in 32-character slices. This follows Hypothesis's own anchoring on its maintained matcher.
import search from 'approx-string-match';

/** Characters of context kept either side of a passage (Hypothesis keeps 32 too). */
export const CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector: the passage itself and the text just before and after it. */
export type TextQuote = { exact: string; prefix: string; suffix: string };
/** W3C TextPositionSelector: character offsets into the article's text. */
export type TextPosition = { start: number; end: number };
export type Selectors = TextQuote & TextPosition;

export type Anchor = TextPosition & {
  /** 'position': the offsets still hold the passage; 'quote': found elsewhere verbatim; 'fuzzy': found with small edits. */
  how: 'position' | 'quote' | 'fuzzy';
};

/** The selectors for text[start, end). */
export function describeText(text: string, start: number, end: number): Selectors {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** 0–1: how closely `pattern` occurs in `text` (1: verbatim). An empty pattern says nothing, so it counts as a match. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text === pattern) return 1;
  if (text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

type Candidate = { start: number; end: number; errors: number };

/** How well a candidate fits the quote, its context and its old place; higher is better (Hypothesis's weights). */
function score(text: string, quote: Selectors, c: Candidate): number {
  const quoteScore = 1 - c.errors / Math.max(1, quote.exact.length);
  const prefixScore = similarity(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix);
  const suffixScore = similarity(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
  const positionScore = 1 - Math.abs(c.start - quote.start) / Math.max(1, text.length);
  return 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore;
}

/** Characters of the stored context that match verbatim right before and right after a candidate. */
function contextAgreement(text: string, quote: Selectors, c: Candidate): number {
  const { prefix, suffix } = quote;
  let before = 0;
  while (before < prefix.length && text[c.start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < suffix.length && text[c.end + after] === suffix[after]) after++;
  return before + after;
}

/** At most this many verbatim occurrences are weighed (a one-character highlight of 的 occurs everywhere). */
const MAX_CANDIDATES = 500;

function verbatim(text: string, exact: string, near: number): Candidate[] {
  const found: Candidate[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    found.push({ start: i, end: i + exact.length, errors: 0 });
  }
  if (found.length <= MAX_CANDIDATES) return found;
  return found.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near)).slice(0, MAX_CANDIDATES);
}

/**
 * Whether an approximate match is close enough to be the same passage: up to a quarter of its characters
 * edited on its own, up to half when the text either side of it still matches (so a short quote needs its
 * context to be moved at all).
 */
function acceptable(text: string, quote: Selectors, c: Candidate): boolean {
  const length = quote.exact.length;
  if (c.errors <= Math.floor(length / 4)) return true;
  if (c.errors > Math.floor(length / 2)) return false;
  const prefix = similarity(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix);
  const suffix = similarity(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
  return (quote.prefix.length > 0 && prefix >= 0.8) || (quote.suffix.length > 0 && suffix >= 0.8);
}

/**
 * Finds the passage in `text` (the article as it reads now), or null when it can no longer be found (the
 * highlight is then shown as 原文已改动, with its quote, and never dropped).
 */
export function anchorText(text: string, quote: Selectors): Anchor | null {
  const { exact } = quote;
  if (exact.length === 0) return null;
  const atPosition = text.slice(quote.start, quote.end) === exact;
  // The article has not changed around it (the common case): nothing else can fit better.
  if (
    atPosition &&
    text.slice(quote.start - quote.prefix.length, quote.start) === quote.prefix &&
    text.slice(quote.end, quote.end + quote.suffix.length) === quote.suffix
  )
    return { start: quote.start, end: quote.end, how: 'position' };
  const exactHits = verbatim(text, exact, quote.start);
  // The offsets hold: take them unless the passage repeats and another copy fits its context better
  // (text inserted earlier can shift a different copy of a repeated sentence under the old offsets).
  if (atPosition && exactHits.length === 1) return { start: quote.start, end: quote.end, how: 'position' };
  if (exactHits.length > 0) {
    // Cheap first: how many characters of context agree verbatim next to each copy, then nearness. A copy
    // with most of its context intact is the one; approximate scoring is for when none has.
    let agreed = exactHits[0]!;
    let agreement = -1;
    for (const c of exactHits) {
      const a = contextAgreement(text, quote, c);
      const nearer = Math.abs(c.start - quote.start) < Math.abs(agreed.start - quote.start);
      if (a > agreement || (a === agreement && nearer)) [agreed, agreement] = [c, a];
    }
    if (agreement * 2 >= quote.prefix.length + quote.suffix.length) {
      const how = atPosition && agreed.start === quote.start ? 'position' : 'quote';
      return { start: agreed.start, end: agreed.end, how };
    }
    let best = exactHits[0]!;
    let bestScore = -Infinity;
    for (const c of exactHits) {
      const s = score(text, quote, c);
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    const how = atPosition && best.start === quote.start ? 'position' : 'quote';
    return { start: best.start, end: best.end, how };
  }
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  if (maxErrors === 0) return null;
  const fuzzy = search(text, exact, maxErrors);
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const c of fuzzy) {
    if (!acceptable(text, quote, c)) continue;
    const s = score(text, quote, c);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best ? { start: best.start, end: best.end, how: 'fuzzy' } : null;
}
