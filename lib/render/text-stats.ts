// Counting and excerpting Chinese (and mixed Latin) text for listings and reading time.

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters that join the parts of one word: it's, 12.6, e-mail. */
const WORD_JOINERS = new Set([0x27, 0x2019, 0x2e, 0x2d]);

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x20000 && code <= 0x3134f) || // extensions B–G
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0xac00 && code <= 0xd7af) // hangul syllables
  );
}

function isWordChar(code: number, char: string): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(char);
}

/** Readers take in about this many CJK characters a minute (Latin words count as one each). */
export const CHARS_PER_MINUTE = 400;

export const EXCERPT_MAX = 140;
/** A sentence that ends before this many characters makes too short an excerpt; cut mid-sentence instead. */
const EXCERPT_MIN_SENTENCE = 80;

/**
 * CJK characters plus Latin words and numbers. A hand loop rather than Unicode regexes: it runs
 * over every body at index time, and this is several times faster.
 */
export function countReadableChars(text: string): number {
  let count = 0;
  let inWord = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (isCjk(code)) {
      count++;
      inWord = false;
    } else if (isWordChar(code, char)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && WORD_JOINERS.has(code))) {
      inWord = false;
    }
  }
  return count;
}

export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.round(charCount / CHARS_PER_MINUTE));
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '；']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》']);
const CJK_TAIL =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef”’」』]$/u;
const TRAILING_PAUSE = /[，、,;；：:\s—-]+$/u;

/**
 * Join paragraphs and cut to at most `max` characters: at the last sentence end that leaves a
 * useful excerpt, otherwise mid-sentence with "…". Counted in code points, never splitting one.
 */
export function makeExcerpt(paragraphs: string[], max = EXCERPT_MAX): string {
  let text = '';
  for (const paragraph of paragraphs) {
    if (!paragraph) continue;
    // Chinese paragraphs run on without a space; Latin ones need one.
    text += text && !CJK_TAIL.test(text) ? ` ${paragraph}` : paragraph;
    if (text.length > max * 4) break;
  }
  const chars = Array.from(text);
  if (chars.length <= max) return text;

  let cut = -1;
  for (let i = 0; i < max; i++) {
    if (!SENTENCE_END.has(chars[i]!)) continue;
    let end = i + 1;
    while (end < chars.length && (SENTENCE_END.has(chars[end]!) || CLOSERS.has(chars[end]!))) end++;
    if (end <= max) cut = end;
  }
  if (cut >= EXCERPT_MIN_SENTENCE) return chars.slice(0, cut).join('');
  return (
    chars
      .slice(0, max - 1)
      .join('')
      .replace(TRAILING_PAUSE, '') + '…'
  );
}
