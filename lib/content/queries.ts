// Queries over an open site index file (site-db.ts): listings, taxonomies, the archive, neighbours,
// related articles. Nothing is loaded whole: a page asks for the rows it shows, so a server's memory and
// start-up stay the same at 100 articles and at 100,000. Scheduled articles (dated in the future) are in
// the file and every query leaves them out until their time, so they go live without a rebuild. What is
// kept between queries depends only on which articles are published and is renewed at the next one.
import { aliasKey } from './alias';
import { TERM, type SiteDb, type TermKind } from './site-db';
import type { ArticleMeta, ContentProblem } from './types';

export type TaxonomyEntry = {
  name: string;
  count: number;
  /** ISO date of the newest article carrying this name. */
  latest: string;
};

/** A year of the archive: how many articles, the newest one's date, and the months that have any. */
export type ArchiveYearSummary = {
  year: number;
  count: number;
  latest: string;
  months: Array<{ month: number; count: number; latest: string }>;
};

export type ArchiveRow = { article: ArticleMeta; year: number; month: number; day: number };

export type ContentIndex = {
  /** Absolute content folder the index was built from. */
  dir: string;
  /** The open index file (read-only), for the search and related-articles queries. */
  db: SiteDb;
  /** The clock deciding which scheduled articles are published yet. */
  now(): number;
  /**
   * Drafts, newest first, when this process compiled the index (tests, tools); an index opened from the
   * build's file knows none: drafts are in no file the build writes, and Draft Mode reads them from the
   * content folder as it is now (preview.ts).
   */
  drafts: ArticleMeta[];
  /** Not drafts, but dated in the future: hidden until their time; soonest first. */
  readonly scheduled: ArticleMeta[];
  /** The instant the next scheduled article goes live, or null. */
  nextScheduled(): number | null;
  /** Articles whose time is in (since, until], oldest first: the ones a publication event puts live. */
  publishedBetween(since: number, until: number): ArticleMeta[];
  problems: ContentProblem[];
  /** How many articles are published. */
  readonly count: number;
  /** Published articles, newest first, from `offset`. */
  latest(limit: number, offset?: number): ArticleMeta[];
  /** Published only. */
  getMeta(slug: string): ArticleMeta | undefined;
  /** Drafts and scheduled articles, for Draft Mode. */
  getDraftMeta(slug: string): ArticleMeta | undefined;
  /** Count desc, then name in Chinese (pinyin) order. */
  readonly categories: TaxonomyEntry[];
  readonly authors: TaxonomyEntry[];
  readonly tags: TaxonomyEntry[];
  /** The entries of one kind: categories, authors or tags. */
  entriesOf(kind: TermKind): TaxonomyEntry[];
  /** Published articles carrying `name`, newest first; [] for an unknown name. */
  listing(kind: TermKind, name: string, limit: number, offset?: number): ArticleMeta[];
  /** How many published articles carry `name`. */
  countOf(kind: TermKind, name: string): number;
  /** The published articles either side of `slug` in date order; both null for drafts and unknown slugs. */
  neighbors(slug: string): { newer: ArticleMeta | null; older: ArticleMeta | null };
  /** The published article an old address (a Hexo permalink or abbrlink) belongs to. */
  byAlias(pathname: string): ArticleMeta | undefined;
  /** Years (newest first) in the site's time zone, with their months. */
  archiveYears(): ArchiveYearSummary[];
  /** One year's published articles, newest first, with their wall-clock date. */
  archiveYear(year: number): ArchiveRow[];
  /** One month's published articles (month 1–12), newest first, with their wall-clock date. */
  archiveMonth(year: number, month: number): ArchiveRow[];
  /** Size and modification time of every file the index holds (drafts are never held). */
  fileStamps(): Map<string, { size: number; mtimeMs: number }>;
  /** Whether `file` is an article in the index (published or scheduled). */
  isArticleFile(file: string): boolean;
  /** Address and date of every published article, newest first (sitemaps): small rows, not whole records. */
  slugsAndDates(): Array<{ slug: string; date: string }>;
};

const collator = new Intl.Collator('zh-CN');

/** Longest first page of `latest()` kept (feeds ask for 20, the 404 boundary for 5). */
const NEWEST_KEPT = 50;

const KIND_CODES: Record<TermKind, number> = TERM;

type Row = { meta: string };
const metaOf = (row: Row | undefined): ArticleMeta | undefined =>
  row ? (Object.freeze(JSON.parse(row.meta)) as ArticleMeta) : undefined;

/** Archive rows as queried (meta, year, month, day), newest first. */
function archiveRows(rows: unknown[]): ArchiveRow[] {
  return (rows as Array<Row & { year: number; month: number; day: number }>).map((r) => ({
    article: metaOf(r) as ArticleMeta,
    year: r.year,
    month: r.month,
    day: r.day,
  }));
}

/** Queries over an open index file; `extra` holds the drafts of an index compiled in this process. */
export function contentIndexOver(
  db: SiteDb,
  dir: string,
  extra: { drafts: ArticleMeta[]; draftProblems: ContentProblem[] },
  clock: () => number = Date.now,
): ContentIndex {
  const q = {
    count: db.prepare('SELECT count(*) AS n FROM articles WHERE date_ms <= ?').pluck(),
    later: db.prepare('SELECT count(*) FROM articles WHERE date_ms > ?').pluck(),
    latest: db.prepare('SELECT meta FROM articles WHERE date_ms <= ? ORDER BY date_ms DESC, slug LIMIT ? OFFSET ?'),
    bySlug: db.prepare('SELECT meta, date_ms, slug FROM articles WHERE slug = ?'),
    scheduled: db.prepare('SELECT meta FROM articles WHERE date_ms > ? ORDER BY date_ms, slug'),
    next: db.prepare('SELECT min(date_ms) FROM articles WHERE date_ms > ?').pluck(),
    between: db.prepare(
      'SELECT meta FROM articles WHERE date_ms > ? AND date_ms <= ? ORDER BY date_ms, slug LIMIT 1000',
    ),
    // Neighbours in (date desc, slug) order, each as two index range reads: the same instant, then the next.
    newerSameTime: db.prepare('SELECT meta FROM articles WHERE date_ms = ? AND slug < ? ORDER BY slug DESC LIMIT 1'),
    newer: db.prepare(
      'SELECT meta FROM articles WHERE date_ms > ? AND date_ms <= ? ORDER BY date_ms, slug DESC LIMIT 1',
    ),
    olderSameTime: db.prepare('SELECT meta FROM articles WHERE date_ms = ? AND slug > ? ORDER BY slug LIMIT 1'),
    older: db.prepare('SELECT meta FROM articles WHERE date_ms < ? ORDER BY date_ms DESC, slug LIMIT 1'),
    entries: db.prepare(
      'SELECT name, count(*) AS count, max(date_ms) AS latest FROM terms WHERE kind = ? AND date_ms <= ? GROUP BY name',
    ),
    listing: db.prepare(
      'SELECT a.meta FROM terms t JOIN articles a ON a.id = t.article WHERE t.kind = ? AND t.name = ? AND t.date_ms <= ? ORDER BY t.date_ms DESC, t.slug LIMIT ? OFFSET ?',
    ),
    countOf: db.prepare('SELECT count(*) FROM terms WHERE kind = ? AND name = ? AND date_ms <= ?').pluck(),
    alias: db.prepare('SELECT a.meta FROM aliases x JOIN articles a ON a.id = x.article WHERE x.key = ? AND a.date_ms <= ?'),
    years: db.prepare(
      'SELECT year, month, count(*) AS count, max(date_ms) AS latest FROM articles WHERE date_ms <= ? GROUP BY year, month ORDER BY year DESC, month DESC',
    ),
    year: db.prepare(
      'SELECT meta, year, month, day FROM articles WHERE year = ? AND date_ms <= ? ORDER BY date_ms DESC, slug',
    ),
    month: db.prepare(
      'SELECT meta, year, month, day FROM articles WHERE year = ? AND month = ? AND date_ms <= ? ORDER BY date_ms DESC, slug',
    ),
    slugs: db.prepare('SELECT slug, date_ms FROM articles WHERE date_ms <= ? ORDER BY date_ms DESC, slug'),
    problems: db.prepare('SELECT file, field, reason, excluded FROM problems'),
    stamps: db.prepare('SELECT file, size, mtime_ms FROM files'),
    isArticle: db.prepare('SELECT 1 FROM articles WHERE file = ?').pluck(),
  };

  // What depends only on which articles are published is kept until the next scheduled one goes live.
  type View = {
    validUntil: number;
    count: number;
    entries: Map<TermKind, TaxonomyEntry[]>;
    years?: ArchiveYearSummary[];
    /** The first page of newest articles by length (the 404 boundary every page carries asks for 5). */
    newest: Map<number, readonly ArticleMeta[]>;
  };
  // The rows the build counted: read once, since an open file does not change under its reader.
  const rows = db.prepare("SELECT value FROM info WHERE key = 'articles'").pluck().get() as string | undefined;
  /** Published at `now`: those rows minus the ones scheduled later (a file without the count: counted). */
  const publishedCount = (now: number): number =>
    rows === undefined ? (q.count.get(now) as number) : Number(rows) - (q.later.get(now) as number);
  let view: View | undefined;
  const current = (): View => {
    const now = clock();
    if (view && now < view.validUntil) return view;
    const next = q.next.get(now) as number | null;
    view = {
      validUntil: next ?? Number.POSITIVE_INFINITY,
      count: publishedCount(now),
      entries: new Map(),
      newest: new Map(),
    };
    return view;
  };
  const entries = (kind: TermKind): TaxonomyEntry[] => {
    const v = current();
    let list = v.entries.get(kind);
    if (!list) {
      const rows = q.entries.all(KIND_CODES[kind], clock()) as Array<{ name: string; count: number; latest: number }>;
      list = rows.map((r) => ({ name: r.name, count: r.count, latest: new Date(r.latest).toISOString() }));
      list.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
      Object.freeze(list);
      v.entries.set(kind, list);
    }
    return list;
  };
  const metas = (rows: unknown[]) => (rows as Row[]).map((r) => metaOf(r) as ArticleMeta);
  const problems = [
    ...(q.problems.all() as Array<{ file: string; field: string | null; reason: string; excluded: number }>).map(
      (p): ContentProblem => ({ file: p.file, field: p.field, reason: p.reason, excluded: p.excluded === 1 }),
    ),
    ...extra.draftProblems,
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const drafts = Object.freeze(extra.drafts.map((d) => Object.freeze(d))) as ArticleMeta[];
  const draftBySlug = new Map(drafts.map((a) => [a.slug, a]));
  const key = (name: string) => name.normalize('NFC').trim();

  const published = (slug: string) => {
    const row = q.bySlug.get(slug.normalize('NFC')) as (Row & { date_ms: number; slug: string }) | undefined;
    return row && row.date_ms <= clock() ? row : undefined;
  };

  return {
    dir,
    db,
    now: clock,
    drafts,
    get scheduled() {
      return metas(q.scheduled.all(clock()));
    },
    nextScheduled: () => {
      const v = current();
      return Number.isFinite(v.validUntil) ? v.validUntil : null;
    },
    publishedBetween: (since, until) => (until > since ? metas(q.between.all(since, until)) : []),
    problems,
    get count() {
      return current().count;
    },
    latest: (limit, offset = 0) => {
      const read = () => metas(q.latest.all(clock(), Math.max(0, limit), Math.max(0, offset)));
      if (offset !== 0 || limit > NEWEST_KEPT) return read();
      const v = current();
      let list = v.newest.get(limit);
      // Shared until the next publication: the records are frozen (metaOf), the list is handed out as a copy.
      if (!list) v.newest.set(limit, (list = Object.freeze(read())));
      return list.slice();
    },
    getMeta: (slug) => metaOf(published(slug)),
    getDraftMeta: (slug) => {
      const normalized = slug.normalize('NFC');
      const draft = draftBySlug.get(normalized);
      if (draft) return draft;
      const row = q.bySlug.get(normalized) as (Row & { date_ms: number }) | undefined;
      return row && row.date_ms > clock() ? metaOf(row) : undefined;
    },
    get categories() {
      return entries('category');
    },
    get authors() {
      return entries('author');
    },
    get tags() {
      return entries('tag');
    },
    entriesOf: entries,
    listing: (kind, name, limit, offset = 0) =>
      metas(q.listing.all(KIND_CODES[kind], key(name), clock(), Math.max(0, limit), Math.max(0, offset))),
    countOf: (kind, name) => q.countOf.get(KIND_CODES[kind], key(name), clock()) as number,
    neighbors: (slug) => {
      const row = published(slug);
      if (!row) return { newer: null, older: null };
      const now = clock();
      return {
        newer:
          metaOf(
            (q.newerSameTime.get(row.date_ms, row.slug) ?? q.newer.get(row.date_ms, now)) as Row | undefined,
          ) ?? null,
        older:
          metaOf((q.olderSameTime.get(row.date_ms, row.slug) ?? q.older.get(row.date_ms)) as Row | undefined) ?? null,
      };
    },
    byAlias: (pathname) => metaOf(q.alias.get(aliasKey(pathname), clock()) as Row | undefined),
    archiveYears: () => {
      const v = current();
      if (!v.years) {
        const rows = q.years.all(clock()) as Array<{ year: number; month: number; count: number; latest: number }>;
        const years: ArchiveYearSummary[] = [];
        for (const r of rows) {
          let y = years[years.length - 1];
          if (!y || y.year !== r.year) years.push((y = { year: r.year, count: 0, latest: new Date(r.latest).toISOString(), months: [] }));
          y.count += r.count;
          y.months.push({ month: r.month, count: r.count, latest: new Date(r.latest).toISOString() });
        }
        v.years = years;
      }
      return v.years;
    },
    archiveYear: (year) => archiveRows(q.year.all(year, clock())),
    archiveMonth: (year, month) => archiveRows(q.month.all(year, month, clock())),
    fileStamps: () =>
      new Map(
        (q.stamps.all() as Array<{ file: string; size: number; mtime_ms: number }>).map((r) => [
          r.file,
          { size: r.size, mtimeMs: r.mtime_ms },
        ]),
      ),
    isArticleFile: (file) => q.isArticle.get(file) !== undefined,
    slugsAndDates: () =>
      (q.slugs.all(clock()) as Array<{ slug: string; date_ms: number }>).map((r) => ({
        slug: r.slug,
        date: new Date(r.date_ms).toISOString(),
      })),
  };
}
