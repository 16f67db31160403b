// The in-memory search index over published articles: folded texts (for phrases and snippets) plus
// two inverted lists, CJK character grams (unigrams + bigrams) and words (jieba words + Latin words).
import type { ArticleMeta } from '@/lib/content/types';
import { foldText, foldWithDiff, type FoldDiff } from './fold';
import { FrozenPostings, PostingsBuilder, type PostingList } from './postings';
import { getJieba } from './jieba';
import { isCjkCode, JIEBA_HMM, jiebaInput, keepWords, MAX_WORD_LENGTH, scanRuns } from './tokenize';

/** Which version of an article's file a document was built from, so a later build or server can tell it is unchanged. */
export type DocSource = { file: string; size: number; mtimeMs: number; hash: string };

export type SearchDocument = {
  meta: ArticleMeta;
  /** Known when the index is meant for the index file (build time); null for one built in the server. */
  source: DocSource | null;
  foldedTitle: string;
  /** Folded body text; `bodyDiff` restores what the reader sees. */
  body: string;
  bodyDiff: FoldDiff;
};

/**
 * CJK grams as small integers rather than strings: characters are numbered as first seen, a unigram is
 * the negative of its number, a bigram packs both numbers (a small integer while fewer than 32,767
 * distinct characters have been seen, which covers any real corpus; a larger exact double after).
 */
export class GramKeys {
  private readonly ids = new Map<number, number>();

  /** Keys numbering `codePoints` in order (as `codePoints()` returned them). */
  static from(codePoints: Iterable<number>): GramKeys {
    const keys = new GramKeys();
    for (const code of codePoints) keys.intern(code);
    return keys;
  }

  /** The indexed characters in number order: character `i` has number `i`. */
  codePoints(): number[] {
    return [...this.ids.keys()];
  }

  get size(): number {
    return this.ids.size;
  }

  private id(codePoint: number, create: boolean): number {
    let id = this.ids.get(codePoint);
    if (id === undefined && create) {
      id = this.ids.size;
      this.ids.set(codePoint, id);
    }
    return id ?? -1;
  }

  static unigram(id: number): number {
    return -(id + 1);
  }

  static bigram(first: number, second: number): number {
    return first < 32767 && second < 32768 ? (first + 1) * 32768 + second : 2 ** 31 + first * 2 ** 21 + second;
  }

  /** Numbers a character while indexing. */
  intern(codePoint: number): number {
    return this.id(codePoint, true);
  }

  /** The key of a one- or two-character gram at query time; null when a character was never indexed. */
  keyOf(gram: string): number | null {
    const points = Array.from(gram, (c) => c.codePointAt(0) as number);
    const ids = points.map((p) => this.id(p, false));
    if (ids.some((id) => id < 0)) return null;
    if (ids.length === 1) return GramKeys.unigram(ids[0] as number);
    if (ids.length === 2) return GramKeys.bigram(ids[0] as number, ids[1] as number);
    throw new RangeError(`search: a gram is one or two characters, got "${gram}"`);
  }
}

export type SearchIndex = {
  /** Newest first, like the content index: a lower number means a more recent article. */
  docs: SearchDocument[];
  /** CJK unigrams and bigrams, keyed through `gramKeys`. */
  grams: FrozenPostings<number>;
  gramKeys: GramKeys;
  /** Jieba words (two or more CJK characters) and Latin words. */
  words: FrozenPostings<string>;
  /** Latin words of the vocabulary, sorted, for prefix matches while the reader is still typing. */
  latinWords: string[];
  /** Wall time spent building, in milliseconds. */
  buildMs: number;
};

/** Postings of a one- or two-character CJK gram. */
export function gramPostings(index: SearchIndex, gram: string): PostingList | undefined {
  const key = index.gramKeys.keyOf(gram);
  return key === null ? undefined : index.grams.get(key);
}

type TermSinks = { grams: PostingsBuilder<number>; words: PostingsBuilder<string>; keys: GramKeys };

/** Counts the grams of one folded text into the current document, and gathers its CJK runs and Latin words. */
function collectTerms(folded: string, sinks: TermSinks, cjkRuns: string[], latinWords: string[]): void {
  for (const run of scanRuns(folded)) {
    if (run.kind === 'word') {
      if (run.end - run.start <= MAX_WORD_LENGTH) latinWords.push(folded.slice(run.start, run.end));
      continue;
    }
    cjkRuns.push(folded.slice(run.start, run.end));
    let previous = -1;
    for (let i = run.start; i < run.end;) {
      const code = folded.codePointAt(i) as number;
      const id = sinks.keys.intern(code);
      sinks.grams.add(GramKeys.unigram(id));
      if (previous >= 0) sinks.grams.add(GramKeys.bigram(previous, id));
      previous = id;
      i += code > 0xffff ? 2 : 1;
    }
  }
}

/** A document whose grams are in and whose jieba words are still to come (see SearchIndexBuilder.stage). */
export type StagedDocument = {
  doc: number;
  latinWords: string[];
  /** Input for jieba: the document's CJK runs, one per line. */
  cjkText: string;
};

/**
 * Collects documents one at a time, newest first, and freezes them into an index. `add` does a document
 * in one go; `stage` + `complete` let a caller run jieba off the main thread (cutAsync) meanwhile.
 */
export class SearchIndexBuilder {
  private readonly docs: SearchDocument[] = [];
  private readonly sinks: TermSinks;
  private readonly started = performance.now();
  private completed = 0;

  /** `gramKeys`: go on numbering characters from these (a copy is taken), so the result can merge with their index. */
  constructor(gramKeys?: GramKeys) {
    this.sinks = {
      grams: new PostingsBuilder(),
      words: new PostingsBuilder(),
      keys: GramKeys.from(gramKeys?.codePoints() ?? []),
    };
  }

  /** `text` is the body's readable text (see article-text.ts). */
  add(meta: ArticleMeta, text: string, source: DocSource | null = null): void {
    const staged = this.stage(meta, text, source);
    this.complete(staged, staged.cjkText ? getJieba().cut(staged.cjkText, JIEBA_HMM) : []);
  }

  /** Stores the document and indexes its grams; its words wait for `complete`, which must follow in order. */
  stage(meta: ArticleMeta, text: string, source: DocSource | null = null): StagedDocument {
    const doc = this.docs.length;
    const foldedTitle = foldText(meta.title.normalize('NFC'));
    const { folded, diff } = foldWithDiff(text);
    const cjkRuns: string[] = [];
    const latinWords: string[] = [];
    this.sinks.grams.beginDocument(doc);
    collectTerms(foldedTitle, this.sinks, cjkRuns, latinWords);
    collectTerms(folded, this.sinks, cjkRuns, latinWords);
    this.sinks.grams.endDocument();
    this.docs.push({ meta, source, foldedTitle, body: folded, bodyDiff: diff });
    return { doc, latinWords, cjkText: jiebaInput(cjkRuns) };
  }

  /** Indexes a staged document's words, given jieba's tokens for its `cjkText`. */
  complete(staged: StagedDocument, jiebaTokens: string[]): void {
    if (staged.doc !== this.completed) throw new RangeError(`search: document ${staged.doc} completed out of order`);
    const { words } = this.sinks;
    words.beginDocument(staged.doc);
    for (const word of staged.latinWords) words.add(word);
    for (const word of keepWords(jiebaTokens)) words.add(word);
    words.endDocument();
    this.completed++;
  }

  finish(): SearchIndex {
    if (this.completed !== this.docs.length)
      throw new Error(`search: ${this.docs.length - this.completed} staged documents were never completed`);
    const words = this.sinks.words.finish(this.docs.length);
    return {
      docs: this.docs,
      grams: this.sinks.grams.finish(this.docs.length),
      gramKeys: this.sinks.keys,
      words,
      latinWords: latinWordsOf(words),
      buildMs: performance.now() - this.started,
    };
  }
}

/** The Latin words of a word list, sorted, for prefix matching. */
export function latinWordsOf(words: FrozenPostings<string>): string[] {
  const latin: string[] = [];
  for (const term of words.terms()) {
    if (!isCjkCode(term.codePointAt(0) as number)) latin.push(term);
  }
  return latin.sort();
}

/** Builds an index from articles already turned into text (tests, tools). */
export function buildSearchIndex(items: Iterable<{ meta: ArticleMeta; text: string }>): SearchIndex {
  const builder = new SearchIndexBuilder();
  for (const { meta, text } of items) builder.add(meta, text);
  return builder.finish();
}
