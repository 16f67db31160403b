// The process-wide search index over published articles (never drafts), shared through globalThis across
// module reloads. It starts from the index file the build wrote (lib/search/index-file.ts), brought up to
// date with the content as it is now; without that file it is built in memory, in slices that give the
// event loop back. When the published set changes (a scheduled article goes live) only the new articles
// are indexed and merged in, while the previous index keeps answering.
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { getContentIndex, type ContentIndex } from '@/lib/content/index';
import type { ArticleMeta } from '@/lib/content/types';
import type { SearchIndex } from './build-index';
import { indexFilePath, readIndexFile, type StoredIndex } from './index-file';
import { planQuery } from './plan-query';
import { runQuery, type PageOptions, type SearchPage } from './run-query';
import { indexArticles, updateIndex, type IndexOptions, type SearchSource } from './update-index';

export type { SearchSource } from './update-index';

/** Builds an index of `source.published` from the article files alone (bench, tests, and the fallback). */
export function loadSearchIndex(source: SearchSource, options: IndexOptions = {}): Promise<SearchIndex> {
  return indexArticles(source.dir, source.published, options);
}

/**
 * The build's index file, or null, saying in one line why the index is built in memory instead
 * (for example after a plain `next build`, which does not write it).
 */
export function readBuildIndex(file: string = indexFilePath()): StoredIndex | null {
  const shown = path.relative(process.cwd(), file) || file;
  try {
    const started = performance.now();
    const index = readIndexFile(file);
    console.info(
      `search: loaded ${shown} (${index.docs.length} articles) in ${Math.round(performance.now() - started)} ms`,
    );
    return index;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing
      ? 'is missing (build with `npm run build` to write it)'
      : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
    console.warn(`search: the index file ${shown} ${reason}; building the search index in memory instead`);
    return null;
  }
}

const KEY = Symbol.for('hutong.searchIndex');
type Entry = {
  source: ContentIndex;
  /** The published list this index is for; a scheduled article going live replaces it. */
  published: readonly ArticleMeta[];
  promise: Promise<SearchIndex>;
  ready: SearchIndex | null;
  /** The previous index, answering searches while this one builds. */
  fallback: SearchIndex | null;
};
type Holder = { [KEY]?: Entry };

const skipped = (file: string, reason: string) =>
  console.warn(`search: ${file}: ${reason}; left out of the search index`);

/**
 * The index of the currently published articles, loading or building it on first use. When the
 * published set changes, the new index is made in the background from the previous one plus the new
 * articles, and the previous one keeps answering until it is ready.
 */
export function getSearchIndex(): Promise<SearchIndex> {
  const holder = globalThis as Holder;
  const content = getContentIndex();
  const published = content.published;
  const entry = holder[KEY];
  if (entry && entry.source === content && entry.published === published) {
    return entry.ready || !entry.fallback ? entry.promise : Promise.resolve(entry.fallback);
  }
  const source: SearchSource = { dir: content.dir, published };
  // The starting point: the index being made (or made) for the previous published set; on the first
  // search, the build's file. A failed earlier attempt leaves nothing to start from.
  const previous: Promise<SearchIndex | StoredIndex | null> = entry
    ? entry.promise.catch(() => entry.fallback)
    : Promise.resolve().then(() => readBuildIndex());
  const promise = previous.then(async (base) => {
    const { index, stats } = await updateIndex(base, source, { onSkip: skipped });
    if (stats.indexed > 0 && base)
      console.info(
        `search: indexed ${stats.indexed} new or changed articles on top of ${stats.carried} (${stats.dropped} no longer published) in ${Math.round(stats.ms)} ms`,
      );
    return index;
  });
  const next: Entry = {
    source: content,
    published,
    promise,
    ready: null,
    fallback: entry?.ready ?? entry?.fallback ?? null,
  };
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
 * Loads the index when the server starts (instrumentation `register`), so the first reader to search
 * does not wait for it. Does nothing during `next build`.
 */
export function warmSearchIndex(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const started = performance.now();
  let loading: Promise<SearchIndex>;
  try {
    loading = getSearchIndex();
  } catch (error) {
    // A content problem (STRICT_CONTENT) is reported by the pages that need the content; starting goes on.
    console.error('search: could not load the index at start:', error instanceof Error ? error.message : error);
    return;
  }
  loading.then(
    (index) =>
      console.info(
        `search: ready with ${index.docs.length} articles, ${Math.round(performance.now() - started)} ms after start`,
      ),
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
