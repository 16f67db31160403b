// Counting and excerpting Chinese (and mixed Latin) text for listings and reading time.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** Readers take in about this many CJK characters a minute (Latin words count as one each). */
export const CHARS_PER_MINUTE = 400;

export const EXCERPT_MAX = 140;
/** A sentence that ends before this many characters makes too short an excerpt; cut mid-sentence instead. */
const EXCERPT_MIN_SENTENCE = 80;

/** CJK characters plus Latin words and numbers. */
export function countReadableChars(text: string): number {
  let cjk = 0;
  const rest = text.replace(CJK, () => {
    cjk++;
    return ' ';
  });
  return cjk + (rest.match(WORD)?.length ?? 0);
}

export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.round(charCount / CHARS_PER_MINUTE));
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '；']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', '\'', '》']);
const CJK_TAIL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef”’」』]$/u;
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
  return chars.slice(0, max - 1).join('').replace(TRAILING_PAUSE, '') + '…';
}
