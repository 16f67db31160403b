// 相关阅读: 3–5 published articles that share tags, categories and title/excerpt words with an article.
// Built once per process as an inverted index over those features; a lookup only walks the lists of the
// article's own features, and only the stretch of a very common list nearest to it in time, so it stays
// cheap at 10,000 articles instead of comparing every pair.
import { getContentIndex, type ContentIndex } from './index';
import type { ArticleMeta } from './types';
import { foldText } from '@/lib/search/fold';
import { getJieba } from '@/lib/search/jieba';
import { JIEBA_HMM, keepWords, scanRuns } from '@/lib/search/tokenize';

export const RELATED_MIN = 3;
export const RELATED_MAX = 5;

/** In a feature shared by more articles than this, only this many nearest in time are considered. */
const WINDOW = 240;

const WEIGHT = { tag: 3, category: 1.5, title: 2, excerpt: 1 } as const;

/** Words too common in Chinese headlines to say two articles are about the same thing. */
const STOP_WORDS = new Set(['我们', '他们', '你们', '一个', '这个', '那个', '什么', '怎么', '为什么', '没有', '不是', '就是', '还是', '可以', '已经', '如果', '因为', '所以', '但是', '而是', '时候', '今天', '现在', '以后', '之后', '之前', '这些', '那些', '自己', '这样', '那样', '这里', '一些', '一种', '一样']);

type Features = Map<string, number>;

/** Words of a short text worth comparing: jieba words of two or more CJK characters, Latin words of three letters or more. */
function wordsOf(text: string): string[] {
  const folded = foldText(text.normalize('NFC'));
  const cjk: string[] = [];
  const words: string[] = [];
  for (const run of scanRuns(folded)) {
    const piece = folded.slice(run.start, run.end);
    if (run.kind === 'cjk') cjk.push(piece);
    else if (piece.length >= 3 && !/^\d+$/.test(piece)) words.push(piece);
  }
  if (cjk.length > 0) words.push(...keepWords(getJieba().cut(cjk.join('\n'), JIEBA_HMM)));
  return words.filter((w) => !STOP_WORDS.has(w));
}

function featuresOf(meta: ArticleMeta): Features {
  const features: Features = new Map();
  const put = (key: string, weight: number) => features.set(key, Math.max(features.get(key) ?? 0, weight));
  for (const tag of meta.tags) put(`t:${tag}`, WEIGHT.tag);
  for (const category of meta.categories) put(`c:${category}`, WEIGHT.category);
  for (const word of wordsOf(meta.title)) put(`w:${word}`, WEIGHT.title);
  for (const word of wordsOf(meta.excerpt)) put(`w:${word}`, WEIGHT.excerpt);
  return features;
}

type Posting = { docs: number[]; weights: number[] };

export type RelatedIndex = {
  /** 3–5 related articles (fewer only on a site that small), best first; [] for an unknown slug. */
  related(slug: string): ArticleMeta[];
};

/** First position in ascending `list` holding a value ≥ `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `published` newest first, as the content index keeps it. */
export function buildRelatedIndex(published: readonly ArticleMeta[]): RelatedIndex {
  const n = published.length;
  const bySlug = new Map(published.map((a, i) => [a.slug, i]));
  const docFeatures: Features[] = published.map(featuresOf);
  const postings = new Map<string, Posting>();
  docFeatures.forEach((features, doc) => {
    for (const [key, weight] of features) {
      let p = postings.get(key);
      if (!p) postings.set(key, (p = { docs: [], weights: [] }));
      p.docs.push(doc);
      p.weights.push(weight);
    }
  });
  const idf = (p: Posting) => Math.log(1 + n / p.docs.length);
  const memo = new Map<number, ArticleMeta[]>();

  // One score array for every lookup, cleared through the list of what was touched.
  const scores = new Float64Array(n);
  const touched: number[] = [];
  const better = (a: number, b: number, doc: number) =>
    (scores[a] as number) > (scores[b] as number) ||
    (scores[a] === scores[b] && (Math.abs(a - doc) < Math.abs(b - doc) || (Math.abs(a - doc) === Math.abs(b - doc) && a < b)));

  function compute(doc: number): ArticleMeta[] {
    for (const [key, weight] of docFeatures[doc] as Features) {
      const p = postings.get(key) as Posting;
      if (p.docs.length < 2) continue;
      const w = idf(p);
      let from = 0;
      let to = p.docs.length;
      if (to > WINDOW) {
        const at = lowerBound(p.docs, doc);
        from = Math.max(0, Math.min(at - WINDOW / 2, to - WINDOW));
        to = from + WINDOW;
      }
      for (let i = from; i < to; i++) {
        const other = p.docs[i] as number;
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += (w * (weight + (p.weights[i] as number))) / 2;
      }
    }
    // Best first: higher score, then nearer in time, then newer; only the top few are kept.
    const ranked: number[] = [];
    for (const other of touched) {
      if (ranked.length === RELATED_MAX && !better(other, ranked[RELATED_MAX - 1] as number, doc)) continue;
      let at = Math.min(ranked.length, RELATED_MAX - 1);
      while (at > 0 && better(other, ranked[at - 1] as number, doc)) at--;
      ranked.splice(at, 0, other);
      if (ranked.length > RELATED_MAX) ranked.pop();
    }
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    if (ranked.length < RELATED_MIN) fill(doc, ranked);
    return ranked.map((i) => published[i] as ArticleMeta);
  }

  /** Too few shared features: make up the minimum with the articles nearest in time, same category first. */
  function fill(doc: number, ranked: number[]): void {
    const taken = new Set([doc, ...ranked]);
    const category = (published[doc] as ArticleMeta).categories[0];
    const nearest = (accept: (i: number) => boolean) => {
      for (let d = 1; d < n && ranked.length < RELATED_MIN; d++) {
        for (const i of [doc - d, doc + d]) {
          if (i >= 0 && i < n && !taken.has(i) && accept(i) && ranked.length < RELATED_MIN) {
            ranked.push(i);
            taken.add(i);
          }
        }
      }
    };
    if (category !== undefined) nearest((i) => (published[i] as ArticleMeta).categories.includes(category));
    nearest(() => true);
  }

  return {
    related(slug) {
      const doc = bySlug.get(slug.normalize('NFC'));
      if (doc === undefined) return [];
      let hit = memo.get(doc);
      if (!hit) memo.set(doc, (hit = compute(doc)));
      return hit;
    },
  };
}

const KEY = Symbol.for('hutong.relatedIndex');
type Holder = { [KEY]?: { source: ContentIndex; published: readonly ArticleMeta[]; index: RelatedIndex } };

/** 相关阅读 for a published article: 3–5 others, best first; [] for drafts and unknown slugs. */
export function getRelated(slug: string): ArticleMeta[] {
  const holder = globalThis as Holder;
  const content = getContentIndex();
  const published = content.published;
  let entry = holder[KEY];
  // A scheduled article going live gives a new published list: rebuild (about a second at 10,000 articles).
  if (!entry || entry.source !== content || entry.published !== published) {
    entry = { source: content, published, index: buildRelatedIndex(published) };
    holder[KEY] = entry;
  }
  return entry.index.related(slug);
}
