// Answering a planned query: find the articles containing every unit, rank them (title above body,
// exact phrase above scattered words, newer first on a tie) and build highlighted results for one page.
import type { ArticleMeta } from '@/lib/content/types';
import { gramPostings, type SearchIndex } from './build-index';
import { unfoldSlice } from './fold';
import type { QueryPlan, QueryUnit } from './plan-query';
import type { PostingList } from './postings';
import { highlightAll, snippet, type Needle, type TextSegment } from './snippet';
import { bigrams, characters, isWordCode, scanRuns } from './tokenize';

export type SearchHit = { article: ArticleMeta; title: TextSegment[]; snippet: TextSegment[] };

export type SearchPage = {
  /** The query as it was searched (trimmed, shortened); '' for none. */
  query: string;
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  hits: SearchHit[];
  /** No article has every word: these results have some of them, the most first. */
  partial: boolean;
  tookMs: number;
};

export type Ranking = { docs: number[]; scores: Float64Array; partial: boolean };

/** Where a unit occurs: term frequency per document (0 = absent) and whether it stood as a whole word. */
type UnitMatch = { tf: Uint16Array; docs: number[]; whole: Uint8Array };

const MAX_PREFIX_EXPANSION = 64;

/** Vocabulary words starting with `prefix`, from a sorted list. */
function wordsWithPrefix(sorted: string[], prefix: string, limit: number): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && out.length < limit && (sorted[i] as string).startsWith(prefix); i++)
    out.push(sorted[i] as string);
  return out;
}

/** A Latin unit counts in a title only as a word (or, while typing, a word's beginning), not inside one. */
function titleHas(title: string, unit: QueryUnit): boolean {
  if (unit.kind === 'cjk') return title.includes(unit.text);
  for (let at = title.indexOf(unit.text); at !== -1; at = title.indexOf(unit.text, at + 1)) {
    const before = at === 0 ? false : isWordCode(title.codePointAt(at - 1) as number);
    const afterIndex = at + unit.text.length;
    const after = afterIndex < title.length && isWordCode(title.codePointAt(afterIndex) as number);
    if (!before && (unit.prefix || !after)) return true;
  }
  return false;
}

function matchUnit(index: SearchIndex, unit: QueryUnit): UnitMatch {
  const n = index.docs.length;
  const match: UnitMatch = { tf: new Uint16Array(n), docs: [], whole: new Uint8Array(n) };
  const add = (doc: number, tf: number, whole: boolean) => {
    if (match.tf[doc] === 0) match.docs.push(doc);
    match.tf[doc] = Math.min(0xffff, (match.tf[doc] as number) + tf);
    if (whole) match.whole[doc] = 1;
  };
  const addList = (list: PostingList | undefined, whole: boolean) => {
    if (!list) return;
    for (let i = list.start; i < list.end; i++) add(list.docs[i] as number, list.tfs[i] as number, whole);
  };

  if (unit.kind === 'word') {
    addList(index.words.get(unit.text), true);
    if (unit.prefix) {
      for (const word of wordsWithPrefix(index.latinWords, unit.text, MAX_PREFIX_EXPANSION)) {
        if (word !== unit.text) addList(index.words.get(word), false);
      }
    }
    return match;
  }

  const length = characters(unit.text).length;
  if (length <= 2) {
    addList(gramPostings(index, unit.text), false);
    if (length === 2) {
      const words = index.words.get(unit.text);
      if (words) for (let i = words.start; i < words.end; i++) match.whole[words.docs[i] as number] = 1;
    }
    return match;
  }

  // Longer units: as a jieba word where the article has it as one, else wherever all its bigrams
  // meet and the exact text is really there (互联互通 inside 互联互通的, or split differently by jieba).
  addList(index.words.get(unit.text), true);
  const pairs = [...new Set(bigrams(unit.text))];
  const lists = pairs.map((p) => gramPostings(index, p));
  if (lists.some((l) => !l)) return match;
  const seen = new Uint8Array(n);
  // The rarest bigram bounds how often the unit can occur: a frequency without counting in the text.
  const fewest = new Uint8Array(n).fill(255);
  for (const list of lists) {
    if (!list) continue;
    for (let i = list.start; i < list.end; i++) {
      const doc = list.docs[i] as number;
      seen[doc]! += 1;
      if ((list.tfs[i] as number) < (fewest[doc] as number)) fewest[doc] = list.tfs[i] as number;
    }
  }
  const first = lists[0];
  if (!first) return match;
  for (let i = first.start; i < first.end; i++) {
    const doc = first.docs[i] as number;
    if (seen[doc] !== pairs.length || match.tf[doc] !== 0) continue;
    const d = index.docs[doc] as SearchIndex['docs'][number];
    if (d.body.includes(unit.text) || d.foldedTitle.includes(unit.text)) add(doc, fewest[doc] as number, false);
  }
  return match;
}

/** Documents holding every CJK gram of `phrase` (1 = yes); null when the phrase has no CJK to check. */
function phraseGate(index: SearchIndex, phrase: string): Uint8Array | null {
  const grams = new Set<string>();
  for (const run of scanRuns(phrase)) {
    if (run.kind !== 'cjk') continue;
    const text = phrase.slice(run.start, run.end);
    const pairs = bigrams(text);
    if (pairs.length === 0) grams.add(text);
    for (const pair of pairs) grams.add(pair);
  }
  if (grams.size === 0) return null;
  const n = index.docs.length;
  const gate = new Uint8Array(n);
  const counts = new Uint16Array(n);
  for (const gram of grams) {
    const list = gramPostings(index, gram);
    if (!list) return gate;
    for (let i = list.start; i < list.end; i++) counts[list.docs[i] as number]! += 1;
  }
  for (let doc = 0; doc < n; doc++) if (counts[doc] === grams.size) gate[doc] = 1;
  return gate;
}

// Title above body, whole phrase above scattered words; frequency only orders articles within a tier.
const TITLE_PHRASE = 60;
const TITLE_WORDS = 40;
const BODY_PHRASE = 6;
const BODY_WORDS = 3;
const WHOLE_WORDS = 1;
const FREQUENCY_STEP = 0.5;
const COVERAGE = 100;

type PartPlan = {
  phrase: string;
  phraseIsUnit: boolean;
  /** Documents that hold every gram of the phrase; null when the phrase has no CJK to check. */
  gate: Uint8Array | null;
  units: Array<{ unit: QueryUnit; match: UnitMatch; needsWhole: boolean }>;
};

/** Ranked before `b`: higher score, then newer (lower number). */
const before = (scoreA: number, a: number, scoreB: number, b: number) =>
  scoreA > scoreB || (scoreA === scoreB && a < b);

/**
 * Every matching document, best first; on equal scores the newer (lower number) first. Whether the body
 * holds a part's exact phrase is the one check that scans article text, so it is first assumed wherever
 * the phrase's grams all occur and only verified for documents as they reach the top: the first
 * `exactTop` places are exact, the rest are in assumed order (they are beyond the page being shown).
 */
export function rankDocuments(index: SearchIndex, plan: QueryPlan, exactTop = Infinity): Ranking {
  const n = index.docs.length;
  const units = plan.units;
  if (units.length === 0 || n === 0) return { docs: [], scores: new Float64Array(0), partial: false };

  const matches = new Map<string, UnitMatch>();
  const cover = new Uint8Array(n);
  for (const unit of units) {
    const m = matchUnit(index, unit);
    matches.set(unit.text, m);
    for (const doc of m.docs) cover[doc]! += 1;
  }

  const candidates: number[] = [];
  for (let doc = 0; doc < n; doc++) if (cover[doc] === units.length) candidates.push(doc);
  const partial = candidates.length === 0 && units.length > 1;
  if (partial) for (let doc = 0; doc < n; doc++) if ((cover[doc] as number) > 0) candidates.push(doc);
  if (candidates.length === 0) return { docs: [], scores: new Float64Array(0), partial: false };

  const parts: PartPlan[] = plan.parts
    .filter((part) => part.units.length > 0)
    .map((part) => {
      const only = part.units[0] as QueryUnit;
      const phraseIsUnit = part.units.length === 1 && only.text === part.phrase && !only.prefix;
      return {
        phrase: part.phrase,
        phraseIsUnit,
        gate: phraseIsUnit ? null : phraseGate(index, part.phrase),
        units: part.units.map((unit) => ({
          unit,
          match: matches.get(unit.text) as UnitMatch,
          needsWhole: unit.kind === 'word' || characters(unit.text).length >= 2,
        })),
      };
    });

  /** The score of `doc`; with `verify` false, phrases that may be in the body count as found, and `assumed` says so. */
  let assumed = false;
  const score = (doc: number, verify: boolean): number => {
    const d = index.docs[doc] as SearchIndex['docs'][number];
    let total = partial ? (COVERAGE * (cover[doc] as number)) / units.length : 0;
    for (const part of parts) {
      const count = part.units.length;
      let inTitle = 0;
      let present = 0;
      let whole = true;
      let minTf = Infinity;
      for (const { unit, match, needsWhole } of part.units) {
        const tf = match.tf[doc] as number;
        if (titleHas(d.foldedTitle, unit)) inTitle++;
        if (tf > 0) {
          present++;
          if (tf < minTf) minTf = tf;
        }
        if (needsWhole && match.whole[doc] !== 1) whole = false;
      }
      const titlePhrase = d.foldedTitle.includes(part.phrase);
      let bodyPhrase: boolean;
      if (part.phraseIsUnit) bodyPhrase = present === 1;
      else if (titlePhrase) bodyPhrase = true;
      else if (part.gate !== null && part.gate[doc] !== 1) bodyPhrase = false;
      else if (verify) bodyPhrase = d.body.includes(part.phrase);
      else {
        bodyPhrase = true;
        assumed = true;
      }

      total += titlePhrase ? TITLE_PHRASE : (TITLE_WORDS * inTitle) / count;
      total += bodyPhrase ? BODY_PHRASE : (BODY_WORDS * present) / count;
      if (whole && present === count) total += WHOLE_WORDS;
      if (present > 0) total += Math.min(3, Math.floor(Math.log2(minTf))) * FREQUENCY_STEP;
    }
    return total;
  };

  const scores = new Float64Array(n);
  const unverified = new Uint8Array(n);
  for (const doc of candidates) {
    assumed = false;
    scores[doc] = score(doc, false);
    if (assumed) unverified[doc] = 1;
  }
  candidates.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);

  // Walk down the assumed order, verifying as documents surface; one whose phrase turns out missing
  // drops into `demoted` (kept sorted) and competes again with its true score.
  const ranked: number[] = [];
  const demoted: number[] = [];
  let next = 0;
  while (ranked.length < Math.min(exactTop, candidates.length) && (next < candidates.length || demoted.length > 0)) {
    const head = next < candidates.length ? (candidates[next] as number) : -1;
    const low = demoted.length > 0 ? (demoted[0] as number) : -1;
    if (low >= 0 && (head < 0 || !before(scores[head] as number, head, scores[low] as number, low))) {
      ranked.push(demoted.shift() as number);
      continue;
    }
    next++;
    if (unverified[head] === 1) {
      unverified[head] = 0;
      const exact = score(head, true);
      if (exact !== scores[head]) {
        scores[head] = exact;
        let at = demoted.length;
        while (at > 0 && before(exact, head, scores[demoted[at - 1] as number] as number, demoted[at - 1] as number))
          at--;
        demoted.splice(at, 0, head);
        continue;
      }
    }
    ranked.push(head);
  }
  const rest = [...demoted, ...candidates.slice(next)];
  return { docs: ranked.concat(rest), scores, partial };
}

/** What to light up in titles and snippets: each part's phrase (weighing double) and each unit. */
export function needlesFor(plan: QueryPlan): Needle[] {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  const push = (text: string, wordStart: boolean, weight: number) => {
    if (!text || seen.has(text)) return;
    seen.add(text);
    needles.push({ text, wordStart, weight });
  };
  for (const part of plan.parts) if (part.units.length > 1) push(part.phrase, false, 2);
  // A single character next to other words (年 of 2019年) would light up all over the text; it is
  // highlighted only when it was asked for on its own.
  const alone = new Set(plan.parts.filter((p) => p.units.length === 1).map((p) => (p.units[0] as QueryUnit).text));
  for (const unit of plan.units) {
    if (unit.kind === 'cjk' && characters(unit.text).length === 1 && !alone.has(unit.text)) continue;
    push(unit.text, unit.kind === 'word', 1);
  }
  return needles;
}

export type PageOptions = { page?: number; pageSize?: number };

export function runQuery(
  index: SearchIndex,
  plan: QueryPlan,
  { page = 1, pageSize = 10 }: PageOptions = {},
): SearchPage {
  const started = performance.now();
  const wanted = Math.max(1, Math.floor(page) || 1);
  const ranking = rankDocuments(index, plan, wanted * pageSize);
  const total = ranking.docs.length;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(wanted, totalPages);
  const needles = needlesFor(plan);
  const hits = ranking.docs.slice((current - 1) * pageSize, current * pageSize).map((doc): SearchHit => {
    const d = index.docs[doc] as (typeof index.docs)[number];
    const title = d.meta.title.normalize('NFC');
    return {
      article: d.meta,
      title: highlightAll(d.foldedTitle, needles, (s, e) => title.slice(s, e)),
      snippet: snippet(d.body, needles, (s, e) => unfoldSlice(d.body, d.bodyDiff, s, e)),
    };
  });
  return {
    query: plan.text,
    total,
    page: current,
    pageSize,
    totalPages,
    hits,
    partial: ranking.partial,
    tookMs: performance.now() - started,
  };
}
