// Splitting folded text into what the search index stores: CJK runs (as character unigrams, bigrams and
// jieba words) and Latin/digit words. Index and query go through the same functions, so they agree.
import { getJieba } from './jieba';

/** Han (with extensions and compatibility forms), kana, hangul, and 々〆〇. */
export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x3005 && code <= 0x3007)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A character of a Latin (or Cyrillic, Greek…) word or a number; never CJK. */
export function isWordCode(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (isCjkCode(code)) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

export type Run = { kind: 'cjk' | 'word'; start: number; end: number };

/** Words longer than this are not words (hashes, base64 in a URL) and are left out of the index. */
export const MAX_WORD_LENGTH = 32;

/** Maximal CJK runs and word runs, as UTF-16 offsets; everything else (space, punctuation) separates them. */
export function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  let kind: Run['kind'] | null = null;
  let start = 0;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const next: Run['kind'] | null = isCjkCode(code) ? 'cjk' : isWordCode(code) ? 'word' : null;
    if (next !== kind) {
      if (kind) runs.push({ kind, start, end: i });
      kind = next;
      start = i;
    }
    i += width;
  }
  if (kind) runs.push({ kind, start, end: text.length });
  return runs;
}

/** The characters of a CJK run as strings (an extension-B ideograph is one character, two units). */
export function characters(run: string): string[] {
  return Array.from(run);
}

/** Character bigrams of a CJK run; a one-character run has none. */
export function bigrams(run: string): string[] {
  const chars = characters(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
  return out;
}

/** Several CJK runs as one jieba input: a newline never joins two words, so each run is cut on its own. */
export function jiebaInput(runs: string[]): string {
  return runs.join('\n');
}

/** HMM stays on: without it the bundled dictionary splits even 微信 into 微 + 信. */
export const JIEBA_HMM = true;

/** The words worth indexing from jieba's tokens: two or more CJK characters. */
export function keepWords(tokens: string[]): string[] {
  return tokens.filter((t) => t.length >= 2 && isCjkCode(t.codePointAt(0) as number) && characters(t).length >= 2);
}

/** Jieba's words of several CJK runs at once (one native call). */
export function cjkWords(runs: string[]): string[] {
  if (runs.length === 0) return [];
  return keepWords(getJieba().cut(jiebaInput(runs), JIEBA_HMM));
}

/** Jieba's segmentation of one CJK run, every token kept (single characters too), for query planning. */
export function segmentRun(run: string): string[] {
  return getJieba()
    .cut(run, JIEBA_HMM)
    .filter((t) => t.trim() !== '');
}
