// Answering a planned query over the site index: SQLite's full-text index (FTS5, terms from documents.ts)
// finds the articles that contain every unit, exactly; the candidates (the newest matches, the newest with
// the exact phrase, the newest with the words in the title) are ranked by this site's rules (title above
// body, exact phrase above scattered words, newer first on a tie) from their folded text, and the page
// shown gets highlighted results.
import { LRUCache } from 'lru-cache';
import type { ArticleMeta } from '@/lib/content/types';
import type { SiteDb } from '@/lib/content/site-db';
import { storedDiff } from './documents';
import { unfoldSlice } from './fold';
import { planQuery, type QueryPlan, type QueryUnit } from './plan-query';
import { highlightAll, snippet, type Needle, type TextSegment } from './snippet';
import { bigrams, characters, isWordCode, scanRuns } from './tokenize';
import { publishedBound } from '@/lib/content/doc-ids';

/** An open site index and the clock deciding which scheduled articles are published yet. */
export type SearchIndex = { db: SiteDb; now: () => number };

export type SearchHit = { article: ArticleMeta; title: TextSegment[]; snippet: TextSegment[] };

export type SearchPage = {
  /** The query as it was searched (trimmed, shortened); '' for none. */
  query: string;
  /** Matching articles, counted up to COUNT_LIMIT. */
  total: number;
  /** More than `total` articles match: the count stopped at COUNT_LIMIT (pages go that far). */
  more: boolean;
  page: number;
  pageSize: number;
  totalPages: number;
  hits: SearchHit[];
  /** No article has every word: these results have some of them, the most first. */
  partial: boolean;
  tookMs: number;
};

/**
 * Matches are counted up to this many: counting every one of 70,000 matches of a common character costs
 * more than the rest of the search, and no reader pages that far.
 */
export const COUNT_LIMIT = 1000;

/** How many candidates of each kind are ranked by the site's own rules. */
export const RERANKED = 40;

/** The FTS5 expression for one unit (see documents.ts for the terms it meets). */
export function unitExpression(unit: QueryUnit): string {
  if (unit.kind === 'word') return unit.prefix ? `"${unit.text}" *` : `"${unit.text}"`;
  const chars = characters(unit.text);
  if (chars.length === 1) return `"${unit.text}" *`;
  return `"${bigrams(unit.text).join(' ')}"`;
}

/** Whole-word occurrences of a Latin unit in `text` (its beginnings too, while it is being typed). */
function wordCount(text: string, unit: QueryUnit, prefix = unit.prefix): number {
  let n = 0;
  for (let at = text.indexOf(unit.text); at !== -1; at = text.indexOf(unit.text, at + 1)) {
    const before = at === 0 ? false : isWordCode(text.codePointAt(at - 1) as number);
    const afterIndex = at + unit.text.length;
    const after = afterIndex < text.length && isWordCode(text.codePointAt(afterIndex) as number);
    if (!before && (prefix || !after)) n++;
  }
  return n;
}

function substringCount(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** How often the unit occurs in `text`, as the index would find it. */
function occurrences(text: string, unit: QueryUnit): number {
  return unit.kind === 'word' ? wordCount(text, unit) : substringCount(text, unit.text);
}

// Title above body, whole phrase above scattered words; frequency only orders articles within a tier.
const TITLE_PHRASE = 60;
const TITLE_WORDS = 40;
const BODY_PHRASE = 6;
const BODY_WORDS = 3;
const WHOLE_WORDS = 1;
const FREQUENCY_STEP = 0.5;
const COVERAGE = 100;

type Doc = {
  id: number;
  folded_title: string;
  body: string;
  diff_positions: Uint8Array | null;
  diff_units: Uint8Array | null;
  meta: string;
  date_ms: number;
  slug: string;
};

/** The site's score of one document for `plan`; `partial` counts how many units it has. */
export function scoreDocument(doc: { foldedTitle: string; body: string }, plan: QueryPlan, partial: boolean): number {
  const { foldedTitle: title, body } = doc;
  const units = plan.units;
  let total = 0;
  if (partial) {
    const covered = units.filter((u) => occurrences(body, u) > 0 || occurrences(title, u) > 0).length;
    total += (COVERAGE * covered) / units.length;
  }
  for (const part of plan.parts) {
    if (part.units.length === 0) continue;
    const only = part.units[0] as QueryUnit;
    const phraseIsUnit = part.units.length === 1 && only.text === part.phrase && !only.prefix;
    const count = part.units.length;
    let inTitle = 0;
    let present = 0;
    let whole = true;
    let minTf = Infinity;
    for (const unit of part.units) {
      const inTitleCount = unit.kind === 'word' ? wordCount(title, unit) : substringCount(title, unit.text);
      if (inTitleCount > 0) inTitle++;
      const tf = occurrences(body, unit) + inTitleCount;
      if (tf > 0) {
        present++;
        if (tf < minTf) minTf = tf;
      }
      // A word being typed counts as whole only where it is written out in full.
      if (unit.kind === 'word' && unit.prefix && wordCount(body, unit, false) + wordCount(title, unit, false) === 0)
        whole = false;
    }
    const titlePhrase = title.includes(part.phrase);
    const bodyPhrase = phraseIsUnit ? present === 1 : titlePhrase || body.includes(part.phrase);
    total += titlePhrase ? TITLE_PHRASE : (TITLE_WORDS * inTitle) / count;
    total += bodyPhrase ? BODY_PHRASE : (BODY_WORDS * present) / count;
    if (whole && present === count) total += WHOLE_WORDS;
    if (present > 0) total += Math.min(3, Math.floor(Math.log2(minTf))) * FREQUENCY_STEP;
  }
  return total;
}

type Statements = ReturnType<typeof prepare>;
const statements = new WeakMap<SiteDb, Statements>();

// Documents are numbered by publication time (lib/content/index-rows.ts), so "published by now" is a rowid
// bound FTS5 applies itself, and "newest first" is its own rowid order: no join, no sort.
function prepare(db: SiteDb) {
  return {
    newest: db
      .prepare('SELECT rowid FROM search_terms WHERE search_terms MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?')
      .pluck(),
    newestInTitle: db
      .prepare('SELECT rowid FROM search_titles WHERE search_titles MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?')
      .pluck(),
    count: db
      .prepare(
        `SELECT count(*) FROM (SELECT rowid FROM search_terms WHERE search_terms MATCH ? AND rowid < ? LIMIT ${COUNT_LIMIT + 1})`,
      )
      .pluck(),
    docs: db.prepare(
      `SELECT d.id, d.folded_title, d.body, d.diff_positions, d.diff_units, a.meta, a.date_ms, a.slug
       FROM search_docs d JOIN articles a ON a.id = d.id WHERE d.id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

function statementsFor(db: SiteDb): Statements {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

/**
 * Documents read lately, per open index file (which never changes while it is open). Reading a
 * candidate's folded text is most of a query's time (~2.8 of 4 ms at 100,000 articles: decoding ~8 KB of
 * UTF-8 per document, ~100 candidates a query), and the candidates of different queries are largely the
 * same documents: the newest articles with a common word, the newest with it in the title.
 */
const DOC_CACHE_BYTES = 16 * 1024 * 1024;
const docCaches = new WeakMap<SiteDb, LRUCache<number, Doc>>();

/** What a document costs to keep: its strings (two bytes a character at most) and byte arrays. */
function docBytes(doc: Doc): number {
  return (
    128 +
    2 * (doc.folded_title.length + doc.body.length + doc.meta.length + doc.slug.length) +
    (doc.diff_positions?.byteLength ?? 0) +
    (doc.diff_units?.byteLength ?? 0)
  );
}

/** The documents `ids` names (those that exist), from the cache where it has them. */
function readDocs(db: SiteDb, ids: readonly number[], into: Map<number, Doc> = new Map()): Map<number, Doc> {
  let cache = docCaches.get(db);
  if (!cache)
    docCaches.set(db, (cache = new LRUCache<number, Doc>({ maxSize: DOC_CACHE_BYTES, sizeCalculation: docBytes })));
  const missing: number[] = [];
  for (const id of ids) {
    const doc = cache.get(id);
    if (doc) into.set(id, doc);
    else missing.push(id);
  }
  if (missing.length > 0) {
    for (const row of statementsFor(db).docs.all(JSON.stringify(missing)) as Doc[]) {
      cache.set(row.id, row);
      into.set(row.id, row);
    }
  }
  return into;
}

export type Ranking = { ids: number[]; docs: Map<number, Doc>; total: number; more: boolean; partial: boolean };

/** The FTS5 expression for a part's whole phrase when it is one CJK run (its bigrams in a row); else null. */
function phraseExpression(phrase: string, units: QueryUnit[]): string | null {
  if (units.length < 2 || units.some((u) => u.kind !== 'cjk') || characters(phrase).length < 2) return null;
  if (scanRuns(phrase).length !== 1) return null;
  return `"${bigrams(phrase).join(' ')}"`;
}

/**
 * The matching documents in order for the first `wanted` places. The candidates are the newest
 * RERANKED matches, the newest with a part's exact phrase, and the newest with the units in the title;
 * those are ranked by the site's rules, and the rest follow newest first.
 */
export function rankDocuments(index: SearchIndex, plan: QueryPlan, wanted: number): Ranking {
  const empty: Ranking = { ids: [], docs: new Map(), total: 0, more: false, partial: false };
  if (plan.units.length === 0) return empty;
  const s = statementsFor(index.db);
  const bound = publishedBound(index.now());
  // A one-character unit is a prefix query over every bigram the character starts: for a common character
  // thousands of doclists, 15× the time of the rest of the query (measured: 77 → 5.5 ms at 10,000
  // articles, 740 ms at 100,000) for almost no narrowing. While other units remain, the index is asked
  // without it; scoring still weighs it, and the exact-phrase tier still requires it in place.
  const narrowing = plan.units.filter((u) => !(u.kind === 'cjk' && characters(u.text).length === 1));
  const exprs = (narrowing.length > 0 ? narrowing : plan.units).map(unitExpression);
  let partial = false;
  let expression = exprs.join(' AND ');
  let total = s.count.get(expression, bound) as number;
  if (total === 0 && exprs.length > 1) {
    partial = true;
    expression = exprs.join(' OR ');
    total = s.count.get(expression, bound) as number;
  }
  if (total === 0) return empty;
  const more = total > COUNT_LIMIT;
  if (more) total = COUNT_LIMIT;
  const ordered = s.newest.all(expression, bound, Math.max(RERANKED, wanted)) as number[];
  const tiers = [ordered.slice(0, RERANKED)];
  // When every match is among the newest already, the other candidates would be some of them again.
  if (total > RERANKED) {
    tiers.push(s.newestInTitle.all(expression, bound, RERANKED) as number[]);
    for (const part of plan.parts) {
      const phrase = phraseExpression(part.phrase, part.units);
      if (phrase) tiers.push(s.newest.all(`(${expression}) AND ${phrase}`, bound, RERANKED) as number[]);
    }
  }
  const head = [...new Set(tiers.flat())];
  const docs = readDocs(index.db, head);
  const scores = new Map<number, number>();
  for (const id of head) {
    const d = docs.get(id);
    scores.set(id, d ? scoreDocument({ foldedTitle: d.folded_title, body: d.body }, plan, partial) : -1);
  }
  head.sort((a, b) => {
    const byScore = (scores.get(b) as number) - (scores.get(a) as number);
    if (byScore !== 0) return byScore;
    const da = docs.get(a);
    const db = docs.get(b);
    if (!da || !db) return b - a;
    return db.date_ms - da.date_ms || (da.slug < db.slug ? -1 : da.slug > db.slug ? 1 : 0);
  });
  const taken = new Set(head);
  const rest = ordered.slice(RERANKED).filter((id) => !taken.has(id));
  return { ids: [...head, ...rest], docs, total, more, partial };
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
  const probe = rankDocuments(index, plan, wanted * pageSize);
  const total = probe.total;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(wanted, totalPages);
  // A page past the end shows the last one: rank that far.
  const ranking = current === wanted ? probe : rankDocuments(index, plan, current * pageSize);
  const needles = needlesFor(plan);
  const shown = ranking.ids.slice((current - 1) * pageSize, current * pageSize);
  const missing = shown.filter((id) => !ranking.docs.has(id));
  if (missing.length > 0) readDocs(index.db, missing, ranking.docs);
  const hits = shown.flatMap((id): SearchHit[] => {
    const d = ranking.docs.get(id);
    if (!d) return [];
    const meta = JSON.parse(d.meta) as ArticleMeta;
    const title = meta.title.normalize('NFC');
    const diff = storedDiff(d.diff_positions, d.diff_units);
    return [
      {
        article: meta,
        title: highlightAll(d.folded_title, needles, (s, e) => title.slice(s, e)),
        snippet: snippet(d.body, needles, (s, e) => unfoldSlice(d.body, diff, s, e)),
      },
    ];
  });
  return {
    query: plan.text,
    total,
    more: ranking.more,
    page: current,
    pageSize,
    totalPages,
    hits,
    partial: ranking.partial,
    tookMs: performance.now() - started,
  };
}

/** One page of results for what the reader typed: planned, then run (nothing to run for an empty plan). */
export function searchIndex(index: SearchIndex, query: string, { page, pageSize = 10 }: PageOptions = {}): SearchPage {
  const plan = planQuery(query);
  if (plan.units.length === 0) {
    return {
      query: plan.text,
      total: 0,
      more: false,
      page: 1,
      pageSize,
      totalPages: 1,
      hits: [],
      partial: false,
      tookMs: 0,
    };
  }
  return runQuery(index, plan, { page, pageSize });
}
