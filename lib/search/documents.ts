// What the site index stores for search, per article: its folded title and body (for phrases, snippets and
// highlights) and the terms SQLite's full-text index (FTS5) keeps for it.
//
// The terms are the folded text's CJK character bigrams in order, each CJK run's last character on its
// own, and Latin words; a break token ends every CJK run. With FTS5's positions this makes matching exact:
// a CJK unit of three or more characters is the phrase of its bigrams (consecutive, inside one run: 互联互通
// is never found in 互联网…互通), a two-character unit is its bigram, a single character is a prefix query
// (a bigram it begins, or the run's last character). Jieba is not run over documents: it plans queries.
import type { FoldDiff } from './fold';
import { foldText, foldWithDiff } from './fold';
import { MAX_WORD_LENGTH, scanRuns } from './tokenize';

/** Ends a CJK run in the term stream; a private-use character, which folded text never holds as CJK. */
export const RUN_BREAK = '\uE000';

/** Space-separated terms for FTS5's `ascii` tokenizer (which splits only on ASCII space and punctuation). */
export function ftsTerms(folded: string): string {
  const out: string[] = [];
  for (const run of scanRuns(folded)) {
    const text = folded.slice(run.start, run.end);
    if (run.kind === 'word') {
      if (text.length <= MAX_WORD_LENGTH) out.push(text);
      continue;
    }
    const chars = Array.from(text);
    for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
    out.push(chars[chars.length - 1] as string, RUN_BREAK);
  }
  return out.join(' ');
}

export type SearchPayload = {
  foldedTitle: string;
  body: string;
  diffPositions: Uint8Array | null;
  diffUnits: Uint8Array | null;
  titleTerms: string;
  bodyTerms: string;
};

/** An article's search document from its title and readable text (article-text.ts). */
export function searchPayload(title: string, text: string): SearchPayload {
  const foldedTitle = foldText(title.normalize('NFC'));
  const { folded, diff } = foldWithDiff(text);
  const bytes = (view: Uint32Array | Uint16Array) =>
    view.length === 0 ? null : new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  return {
    foldedTitle,
    body: folded,
    diffPositions: bytes(diff.positions),
    diffUnits: bytes(diff.units),
    titleTerms: ftsTerms(foldedTitle),
    bodyTerms: ftsTerms(folded),
  };
}

/** The fold difference stored with a document, back as arrays. */
export function storedDiff(positions: Uint8Array | null, units: Uint8Array | null): FoldDiff {
  const copy = (bytes: Uint8Array | null) => (bytes ? Uint8Array.from(bytes).buffer : new ArrayBuffer(0));
  return { positions: new Uint32Array(copy(positions)), units: new Uint16Array(copy(units)) };
}
