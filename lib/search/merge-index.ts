// Combining indexes without tokenizing again: documents of an older index that are still published and
// unchanged are carried over, renumbered, next to a small index of the documents that are new. This is
// how a build reuses the previous build's index, and how a server brings the build's index up to date.
import type { GramKeys, SearchDocument, SearchIndex } from './build-index';
import { latinWordsOf } from './build-index';
import { docArray, FrozenPostings } from './postings';

/** Postings of one index to carry over: `docMap[old]` is the document's new number, or -1 to drop it. */
export type MergePart = {
  grams: FrozenPostings<number>;
  words: FrozenPostings<string>;
  gramKeys: GramKeys;
  docMap: Int32Array;
};

type Run = { docs: Uint16Array | Uint32Array; tfs: Uint8Array; map: Int32Array; at: number; end: number };

/** Skips dropped documents at the head of a run; false when the run is used up. */
function settle(run: Run): boolean {
  while (run.at < run.end && (run.map[run.docs[run.at] as number] as number) < 0) run.at++;
  return run.at < run.end;
}

function mergePostings<K extends string | number>(
  lists: Array<{ postings: FrozenPostings<K>; map: Int32Array }>,
  documentCount: number,
): FrozenPostings<K> {
  const ids = new Map<K, number>();
  for (const { postings } of lists) for (const term of postings.terms()) if (!ids.has(term)) ids.set(term, ids.size);
  const termCount = ids.size;
  // Where each part keeps each merged term (-1: not at all).
  const local = lists.map(({ postings }) => {
    const at = new Int32Array(termCount).fill(-1);
    let t = 0;
    for (const term of postings.terms()) at[ids.get(term) as number] = t++;
    return at;
  });
  const counts = new Uint32Array(termCount);
  lists.forEach(({ postings, map }, p) => {
    const where = local[p] as Int32Array;
    for (let term = 0; term < termCount; term++) {
      const t = where[term] as number;
      if (t < 0) continue;
      let kept = 0;
      for (let i = postings.offsets[t] as number, end = postings.offsets[t + 1] as number; i < end; i++)
        if ((map[postings.docs[i] as number] as number) >= 0) kept++;
      counts[term] = (counts[term] as number) + kept;
    }
  });
  const offsets = new Uint32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term] as number) + (counts[term] as number);
  const total = offsets[termCount] as number;
  const docs = docArray(documentCount, total);
  const tfs = new Uint8Array(total);

  const runs: Run[] = [];
  for (let term = 0; term < termCount; term++) {
    runs.length = 0;
    lists.forEach(({ postings, map }, p) => {
      const t = (local[p] as Int32Array)[term] as number;
      if (t >= 0)
        runs.push({
          docs: postings.docs,
          tfs: postings.tfs,
          map,
          at: postings.offsets[t] as number,
          end: postings.offsets[t + 1] as number,
        });
    });
    // Each run is ascending in its new numbers (renumbering keeps the date order), so a k-way merge
    // of the heads keeps the term's list sorted; k is two in practice (carried over + new).
    let out = offsets[term] as number;
    let sorted = true;
    let last = -1;
    for (;;) {
      let best: Run | null = null;
      let bestDoc = Infinity;
      for (const run of runs) {
        if (!settle(run)) continue;
        const doc = run.map[run.docs[run.at] as number] as number;
        if (doc < bestDoc) {
          bestDoc = doc;
          best = run;
        }
      }
      if (!best) break;
      if (bestDoc <= last) sorted = false;
      last = bestDoc;
      docs[out] = bestDoc;
      tfs[out] = best.tfs[best.at] as number;
      out++;
      best.at++;
    }
    if (!sorted) sortRange(docs, tfs, offsets[term] as number, out);
  }
  return FrozenPostings.fromArrays([...ids.keys()], offsets, docs, tfs);
}

/** Sorts one term's (document, count) pairs by document; only needed if a renumbering reordered documents. */
function sortRange(docs: Uint16Array | Uint32Array, tfs: Uint8Array, start: number, end: number): void {
  const pairs = new Float64Array(end - start);
  for (let i = start; i < end; i++) pairs[i - start] = (docs[i] as number) * 256 + (tfs[i] as number);
  pairs.sort();
  for (let i = start; i < end; i++) {
    const pair = pairs[i - start] as number;
    docs[i] = Math.floor(pair / 256);
    tfs[i] = pair % 256;
  }
}

/**
 * An index of `docs` (their final order, newest first) from parts whose documents `docMap` places
 * there. Character numbers must agree: each part's gram keys a prefix of the last part's (build the
 * new part with `new SearchIndexBuilder(older.gramKeys)`).
 */
export function mergeIndexes(docs: SearchDocument[], parts: MergePart[]): SearchIndex {
  const started = performance.now();
  const last = parts[parts.length - 1];
  if (!last) throw new RangeError('merge: no index to merge');
  const keys = last.gramKeys.codePoints();
  for (const part of parts) {
    const own = part.gramKeys.codePoints();
    if (own.some((code, i) => keys[i] !== code))
      throw new RangeError('merge: the indexes number their characters differently');
  }
  const grams = mergePostings(
    parts.map((p) => ({ postings: p.grams, map: p.docMap })),
    docs.length,
  );
  const words = mergePostings(
    parts.map((p) => ({ postings: p.words, map: p.docMap })),
    docs.length,
  );
  return {
    docs,
    grams,
    gramKeys: last.gramKeys,
    words,
    latinWords: latinWordsOf(words),
    buildMs: performance.now() - started,
  };
}
