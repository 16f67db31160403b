// What an article shares with others, for 相关阅读 (related.ts looks them up): its tags, categories and
// the words of its title and excerpt, weighted. Computed by the build's index step and stored in the site
// index's features table; kept apart from the lookup so that pages, which only look up, never load jieba
// and its dictionary (11 MB read from disk when the module loads).
import type { ArticleMeta } from './types';
import { foldText } from '@/lib/search/fold';
import { getJieba } from '@/lib/search/jieba';
import { JIEBA_HMM, keepWords, scanRuns } from '@/lib/search/tokenize';

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

/** What an article shares with others: feature key (t:tag, c:category, w:word) → weight. */
export function featuresOf(meta: ArticleMeta): Features {
  const features: Features = new Map();
  const put = (key: string, weight: number) => features.set(key, Math.max(features.get(key) ?? 0, weight));
  for (const tag of meta.tags) put(`t:${tag}`, WEIGHT.tag);
  for (const category of meta.categories) put(`c:${category}`, WEIGHT.category);
  for (const word of wordsOf(meta.title)) put(`w:${word}`, WEIGHT.title);
  for (const word of wordsOf(meta.excerpt)) put(`w:${word}`, WEIGHT.excerpt);
  return features;
}
