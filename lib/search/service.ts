// The process-wide search index: built once from the published articles on first use (never drafts),
// in slices that give the event loop back, and shared through globalThis across module reloads.
import { getConfig } from '@/lib/config';
import { getContentIndex, type ContentIndex } from '@/lib/content/index';
import type { ArticleMeta } from '@/lib/content/types';
import { readArticleBody } from '@/lib/content/load';
import { articleText } from './article-text';
import { SearchIndexBuilder, type SearchIndex, type StagedDocument } from './build-index';
import { getJieba } from './jieba';
import { planQuery } from './plan-query';
import { runQuery, type PageOptions, type SearchPage } from './run-query';
import { JIEBA_HMM } from './tokenize';

export type LoadOptions = {
  /** Work this long before yielding to other requests; 0 builds in one go. */
  sliceMs?: number;
  onSkip?: (file: string, reason: string) => void;
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function asTokens(value: unknown): string[] {
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value;
  throw new TypeError('search: jieba cutAsync returned something other than a list of strings');
}

/** How many documents may wait for jieba on the thread pool while the main thread renders the next ones. */
const JIEBA_IN_FLIGHT = 16;

/** The articles to index and where their files are: a content index, or a snapshot of one. */
export type SearchSource = { dir: string; published: readonly ArticleMeta[] };

/**
 * Reads, renders and indexes `source.published` (newest first). Rendering runs on the main thread;
 * jieba runs on the thread pool (cutAsync) at the same time, a few documents behind.
 */
export async function loadSearchIndex(source: SearchSource, { sliceMs = 40, onSkip }: LoadOptions = {}): Promise<SearchIndex> {
  const builder = new SearchIndexBuilder();
  const jieba = getJieba();
  const pending: Array<{ staged: StagedDocument; tokens: Promise<string[]> }> = [];
  const completeOldest = async () => {
    const next = pending.shift();
    if (next) builder.complete(next.staged, await next.tokens);
  };
  let sliceStart = performance.now();
  for (const meta of source.published) {
    const body = readArticleBody(source.dir, meta.file);
    if (body === null) {
      // The file changed or vanished after the content index was built; search skips it rather than fail.
      onSkip?.(meta.file, 'body could not be read');
      continue;
    }
    const staged = builder.stage(meta, articleText(body));
    const tokens = staged.cjkText ? jieba.cutAsync(staged.cjkText, JIEBA_HMM).then(asTokens) : Promise.resolve([]);
    pending.push({ staged, tokens });
    if (pending.length >= JIEBA_IN_FLIGHT) await completeOldest();
    if (sliceMs > 0 && performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  while (pending.length > 0) await completeOldest();
  return builder.finish();
}

const KEY = Symbol.for('hutong.searchIndex');
type Entry = {
  source: ContentIndex;
  /** The published list this index was built from; a scheduled article going live replaces it. */
  published: readonly ArticleMeta[];
  promise: Promise<SearchIndex>;
  ready: SearchIndex | null;
  /** The previous index, answering searches while this one builds. */
  fallback: SearchIndex | null;
};
type Holder = { [KEY]?: Entry };

/**
 * The index of the currently published articles, building it on first use. When the published set
 * changes (a scheduled article goes live) a new index builds in the background and the previous one
 * keeps answering until it is ready.
 */
export function getSearchIndex(): Promise<SearchIndex> {
  const holder = globalThis as Holder;
  const content = getContentIndex();
  const published = content.published;
  const entry = holder[KEY];
  if (entry && entry.source === content && entry.published === published) {
    return entry.ready || !entry.fallback ? entry.promise : Promise.resolve(entry.fallback);
  }
  const promise = loadSearchIndex(
    { dir: content.dir, published },
    { onSkip: (file, reason) => console.warn(`search: ${file}: ${reason}; left out of the search index`) },
  );
  const next: Entry = { source: content, published, promise, ready: null, fallback: entry?.ready ?? entry?.fallback ?? null };
  holder[KEY] = next;
  promise.then(
    (index) => {
      next.ready = index;
      next.fallback = null;
    },
    (error: unknown) => {
      // A failed build must not stick: the next search tries again.
      if (holder[KEY] === next) delete holder[KEY];
      console.error('search: building the index failed:', error);
    },
  );
  return next.fallback ? Promise.resolve(next.fallback) : promise;
}

/** Forgets the process-wide index (tests, dev tooling). */
export function resetSearchIndex(): void {
  delete (globalThis as Holder)[KEY];
}

/**
 * Starts building the index in the background so the first reader to search does not wait for it.
 * Call it once when the server starts (instrumentation `register`); it does nothing during `next build`.
 */
export function warmSearchIndex(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const started = performance.now();
  getSearchIndex().then(
    (index) => console.info(`search: indexed ${index.docs.length} articles in ${Math.round(performance.now() - started)} ms`),
    () => undefined,
  );
}

/** `/search?q=`: one page of results for `query`, with the site's page size unless told otherwise. */
export async function searchArticles(query: string, options: PageOptions = {}): Promise<SearchPage> {
  const plan = planQuery(query);
  const pageSize = options.pageSize ?? getConfig().pageSize;
  if (plan.units.length === 0) {
    return { query: plan.text, total: 0, page: 1, pageSize, totalPages: 1, hits: [], partial: false, tookMs: 0 };
  }
  const index = await getSearchIndex();
  return runQuery(index, plan, { page: options.page, pageSize });
}
