// Bringing an index up to date with the published list: documents the older index holds for an unchanged
// file are carried over (no reading, rendering or tokenizing), the rest are indexed and merged in. One path
// for the build (the previous build's index is the cache), the server start (the build's index against
// the content as it is now) and a scheduled article going live in a running server.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ArticleMeta } from '@/lib/content/types';
import { readArticleBody } from '@/lib/content/load';
import { articleText } from './article-text';
import {
  SearchIndexBuilder,
  type DocSource,
  type GramKeys,
  type SearchDocument,
  type SearchIndex,
  type StagedDocument,
} from './build-index';
import type { StoredDocument, StoredIndex } from './index-file';
import { getJieba } from './jieba';
import { mergeIndexes } from './merge-index';
import { JIEBA_HMM } from './tokenize';

/** The articles to index and where their files are: a content index, or a snapshot of one. */
export type SearchSource = { dir: string; published: readonly ArticleMeta[] };

export type IndexOptions = {
  /** Work this long before yielding to other requests; 0 works in one go. */
  sliceMs?: number;
  /** Record each file's identity (size, time, hash), as the index file needs. */
  withSources?: boolean;
  onSkip?: (file: string, reason: string) => void;
  /** An article's text (and file identity) already at hand, which saves reading and rendering it again. */
  prepared?: (meta: ArticleMeta) => { text: string; source: DocSource | null } | undefined;
};

export type UpdateStats = { carried: number; indexed: number; dropped: number; ms: number };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function asTokens(value: unknown): string[] {
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value;
  throw new TypeError('search: jieba cutAsync returned something other than a list of strings');
}

/** How many documents may wait for jieba on the thread pool while the main thread renders the next ones. */
const JIEBA_IN_FLIGHT = 16;

/** Size, modification time and content hash of an article's file; null when it cannot be read. */
export function fileSource(dir: string, file: string): DocSource | null {
  try {
    const full = path.join(/*turbopackIgnore: true*/ dir, file);
    const stat = fs.statSync(full);
    const hash = createHash('sha1').update(fs.readFileSync(full)).digest('hex');
    return { file, size: stat.size, mtimeMs: stat.mtimeMs, hash };
  } catch {
    return null;
  }
}

/**
 * `source` when the file is still that version (same size and time, or else the same content: a
 * checkout or copy changes times, not bytes), with the time it has now; null when it changed or is gone.
 */
export function unchangedSource(dir: string, source: DocSource): DocSource | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path.join(/*turbopackIgnore: true*/ dir, source.file));
  } catch {
    return null;
  }
  if (stat.size !== source.size) return null;
  if (stat.mtimeMs === source.mtimeMs) return source;
  return fileSource(dir, source.file)?.hash === source.hash ? { ...source, mtimeMs: stat.mtimeMs } : null;
}

/**
 * Reads, renders and indexes `metas` (newest first), numbering characters after `gramKeys`. Rendering
 * runs on the main thread; jieba runs on the thread pool (cutAsync) at the same time, a few documents behind.
 */
export async function indexArticles(
  dir: string,
  metas: readonly ArticleMeta[],
  { sliceMs = 40, withSources = false, onSkip, prepared }: IndexOptions = {},
  gramKeys?: GramKeys,
): Promise<SearchIndex> {
  const builder = new SearchIndexBuilder(gramKeys);
  const jieba = getJieba();
  const pending: Array<{ staged: StagedDocument; tokens: Promise<string[]> }> = [];
  const completeOldest = async () => {
    const next = pending.shift();
    if (next) builder.complete(next.staged, await next.tokens);
  };
  let sliceStart = performance.now();
  for (const meta of metas) {
    let ready = prepared?.(meta);
    if (!ready) {
      const source = withSources ? fileSource(dir, meta.file) : null;
      const body = withSources && !source ? null : readArticleBody(dir, meta.file);
      if (body === null) {
        // The file changed or vanished after the content index was built; search skips it rather than fail.
        onSkip?.(meta.file, 'body could not be read');
        continue;
      }
      ready = { text: articleText(body, meta.format), source };
    }
    const staged = builder.stage(meta, ready.text, ready.source);
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

type AnyDocument = SearchDocument | StoredDocument;

/**
 * An index of exactly `source.published`: what `previous` holds for an unchanged file is carried over,
 * the rest is indexed now. `previous` may be the index file's (documents known by file identity) or a
 * live index (documents known by their metadata object, which stays the same while the content does).
 */
export async function updateIndex(
  previous: SearchIndex | StoredIndex | null,
  source: SearchSource,
  options: IndexOptions = {},
): Promise<{ index: SearchIndex; stats: UpdateStats }> {
  const started = performance.now();
  const { dir, published } = source;
  const previousDocs: readonly AnyDocument[] = previous?.docs ?? [];
  const byMeta = new Map<ArticleMeta, number>();
  const byFile = new Map<string, number>();
  previousDocs.forEach((d, i) => {
    if ('meta' in d) byMeta.set(d.meta, i);
    if (d.source) byFile.set(d.source.file, i);
  });
  // Sources seen unchanged now, for carried-over documents known by file.
  const checked = new Map<number, DocSource>();
  const carriedFrom = (meta: ArticleMeta): number => {
    const same = byMeta.get(meta);
    if (same !== undefined) return same;
    const i = byFile.get(meta.file);
    const known = i === undefined ? null : (previousDocs[i] as AnyDocument).source;
    const now = known ? unchangedSource(dir, known) : null;
    if (i === undefined || !now) return -1;
    checked.set(i, now);
    return i;
  };

  const oldToNew = new Int32Array(previousDocs.length).fill(-1);
  const fresh: ArticleMeta[] = [];
  const freshAt: number[] = [];
  published.forEach((meta, at) => {
    const from = carriedFrom(meta);
    if (from >= 0 && oldToNew[from] === -1) oldToNew[from] = at;
    else {
      fresh.push(meta);
      freshAt.push(at);
    }
  });
  const carried = published.length - fresh.length;
  const stats = (indexed: number): UpdateStats => ({
    carried,
    indexed,
    dropped: previousDocs.length - carried,
    ms: performance.now() - started,
  });
  const carry = (from: number, meta: ArticleMeta): SearchDocument => {
    const d = previousDocs[from] as AnyDocument;
    if ('meta' in d && d.meta === meta) return d;
    return {
      meta,
      source: checked.get(from) ?? d.source,
      foldedTitle: d.foldedTitle,
      body: d.body,
      bodyDiff: d.bodyDiff,
    };
  };

  if (previous && fresh.length === 0 && carried === previousDocs.length && oldToNew.every((to, from) => to === from)) {
    // Nothing changed: the same postings, documents bound to today's metadata.
    const docs = published.map((meta, at) => carry(at, meta));
    return { index: { ...previous, docs }, stats: stats(0) };
  }

  const added = await indexArticles(dir, fresh, options, previous?.gramKeys);
  if (!previous || carried === 0) {
    // Nothing carried over: the new documents are the whole index, in order, minus any that could not be read.
    return { index: added, stats: stats(added.docs.length) };
  }
  // A document that could not be read is left out: renumber the others to close the gaps.
  const addedAt = new Map(added.docs.map((d, i) => [d.meta, i]));
  const keep = new Uint8Array(published.length);
  oldToNew.forEach((to) => to >= 0 && (keep[to] = 1));
  fresh.forEach((meta, i) => addedAt.has(meta) && (keep[freshAt[i] as number] = 1));
  const position = new Int32Array(published.length).fill(-1);
  const docs: SearchDocument[] = [];
  const newToOld = new Int32Array(published.length).fill(-1);
  oldToNew.forEach((to, from) => to >= 0 && (newToOld[to] = from));
  published.forEach((meta, at) => {
    if (!keep[at]) return;
    position[at] = docs.length;
    const from = newToOld[at] as number;
    docs.push(from >= 0 ? carry(from, meta) : (added.docs[addedAt.get(meta) as number] as SearchDocument));
  });
  const previousMap = oldToNew.map((to) => (to >= 0 ? (position[to] as number) : -1));
  const freshIndex = new Map(fresh.map((meta, i) => [meta, i]));
  const addedMap = new Int32Array(added.docs.length);
  added.docs.forEach((d, i) => (addedMap[i] = position[freshAt[freshIndex.get(d.meta) as number] as number] as number));
  const index = mergeIndexes(docs, [
    { grams: previous.grams, words: previous.words, gramKeys: previous.gramKeys, docMap: previousMap },
    { grams: added.grams, words: added.words, gramKeys: added.gramKeys, docMap: addedMap },
  ]);
  return { index, stats: stats(added.docs.length) };
}
