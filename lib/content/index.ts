// The one content index per process: metadata for every article, looked up by slug and taxonomy.
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { type CacheEntry, codeFingerprint, defaultCacheFile, isCacheable, readParseCache, writeParseCache } from './cache';
import { withFileLock } from './file-lock';
import { readArticleBody, scanContent, type ScanOptions } from './load';
import { formatProblem } from './problems';
import type { Article, ArticleMeta, ContentProblem } from './types';

export type TaxonomyEntry = {
  name: string;
  count: number;
  /** ISO date of the newest article carrying this name. */
  latest: string;
};

export type ContentIndex = {
  /** Absolute content folder the index was built from. */
  dir: string;
  /** Newest first. */
  published: ArticleMeta[];
  /** Newest first; never listed publicly, only rendered in Draft Mode. */
  drafts: ArticleMeta[];
  /** Not drafts, but dated in the future: hidden until their time; soonest first. */
  scheduled: ArticleMeta[];
  problems: ContentProblem[];
  /** Published only. */
  getMeta(slug: string): ArticleMeta | undefined;
  /** Drafts and scheduled articles, for Draft Mode. */
  getDraftMeta(slug: string): ArticleMeta | undefined;
  /** Count desc, then name in Chinese (pinyin) order. */
  categories: TaxonomyEntry[];
  authors: TaxonomyEntry[];
  tags: TaxonomyEntry[];
  /** Published articles, newest first; [] for an unknown name. */
  inCategory(name: string): ArticleMeta[];
  byAuthor(name: string): ArticleMeta[];
  withTag(name: string): ArticleMeta[];
  /** The published articles either side of `slug` in date order; both null for drafts and unknown slugs. */
  neighbors(slug: string): { newer: ArticleMeta | null; older: ArticleMeta | null };
  /** The published article an old address (a Hexo permalink or abbrlink) belongs to. */
  byAlias(pathname: string): ArticleMeta | undefined;
};

/** An old address as compared: decoded once, NFC, without a trailing slash. */
export function aliasKey(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Compared as written.
  }
  return decoded.normalize('NFC').replace(/\/+$/, '') || '/';
}

export type BuildOptions = {
  dir: string;
  timeZone: string;
  /** JSON parse cache; undefined → `.next/cache/hutong/content-index.json` when `.next` exists; null → none. */
  cacheFile?: string | null;
  /** Called for every file parsed rather than taken from the cache. */
  onParse?: (file: string) => void;
  /** Called with the sanitized body tree of every file parsed rather than taken from the cache (see ScanOptions). */
  onRendered?: ScanOptions['onRendered'];
  /** The clock deciding which future-dated articles are published yet (tests pass a fake one). */
  now?: () => number;
};

const collator = new Intl.Collator('zh-CN');

function key(name: string): string {
  return name.normalize('NFC').trim();
}

function taxonomy(published: ArticleMeta[], namesOf: (a: ArticleMeta) => string[]) {
  const groups = new Map<string, ArticleMeta[]>();
  // `published` is newest first, so every group comes out newest first too.
  for (const article of published) {
    for (const name of namesOf(article)) {
      const list = groups.get(name);
      if (list) list.push(article);
      else groups.set(name, [article]);
    }
  }
  for (const list of groups.values()) Object.freeze(list);
  const entries: TaxonomyEntry[] = [...groups].map(([name, list]) => ({
    name,
    count: list.length,
    latest: list[0]?.date ?? '',
  }));
  entries.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  return { entries: Object.freeze(entries) as TaxonomyEntry[], lookup: (name: string) => groups.get(key(name)) ?? [] };
}

/** Builds an index from `dir`, re-parsing only files whose content changed since the cached run. */
export function buildContentIndex(opts: BuildOptions): ContentIndex {
  const dir = path.resolve(opts.dir);
  const cacheFile = opts.cacheFile === undefined ? defaultCacheFile() : opts.cacheFile;
  const scanWithCache = () => {
    const cacheKey = cacheFile ? JSON.stringify({ timeZone: opts.timeZone, dir, code: codeFingerprint() }) : '';
    const cached = cacheFile ? readParseCache(cacheFile, cacheKey) : new Map<string, CacheEntry>();
    const scanned = scanContent({
      dir,
      timeZone: opts.timeZone,
      reuse: (file, hash) => {
        const entry = cached.get(file);
        return entry && entry.hash === hash ? entry.parsed : undefined;
      },
      onParse: opts.onParse,
      onRendered: opts.onRendered,
    });
    // Rewrite only when what belongs in the cache changed: drafts are parsed on every build (they are
    // never cached), and rewriting a large cache for them would cost every build worker and preview time.
    const keep = scanned.records.filter((r) => isCacheable(r));
    const stale = keep.length !== cached.size || keep.some((r) => cached.get(r.file)?.hash !== r.hash);
    if (cacheFile && stale) writeParseCache(cacheFile, cacheKey, keep);
    return scanned;
  };
  // Next.js builds pages in several worker processes at once; the lock makes the first one parse
  // and the others wait and read its cache, instead of all parsing the whole corpus side by side.
  const result = cacheFile ? withFileLock(`${cacheFile}.lock`, scanWithCache) : scanWithCache();

  // Every page of the process shares these lists; freezing turns an accidental in-place sort in a
  // page into an error instead of a silently reordered site.
  for (const meta of result.articles) Object.freeze(meta);
  const live = result.articles.filter((a) => !a.draft);
  const drafts = Object.freeze(result.articles.filter((a) => a.draft)) as ArticleMeta[];
  const draftBySlug = new Map(drafts.map((a) => [a.slug, a]));
  const clock = opts.now ?? Date.now;

  // An article dated in the future is scheduled: hidden like a draft until its time comes, then
  // published by this same process without a rebuild. The view is recomputed only when the clock
  // passes the next scheduled instant, so every lookup stays a map read.
  type View = {
    published: ArticleMeta[];
    scheduled: ArticleMeta[];
    bySlug: Map<string, number>;
    categories: ReturnType<typeof taxonomy>;
    authors: ReturnType<typeof taxonomy>;
    tags: ReturnType<typeof taxonomy>;
    aliases: Map<string, ArticleMeta>;
    validUntil: number;
  };
  let view: View | undefined;
  const current = (): View => {
    const now = clock();
    if (view && now < view.validUntil) return view;
    // `live` is newest first, so the scheduled articles are a prefix of it.
    let split = 0;
    while (split < live.length && Date.parse(live[split]!.date) > now) split += 1;
    const published = Object.freeze(live.slice(split)) as ArticleMeta[];
    view = {
      published,
      scheduled: Object.freeze(live.slice(0, split).reverse()) as ArticleMeta[],
      bySlug: new Map(published.map((a, i) => [a.slug, i])),
      categories: taxonomy(published, (a) => a.categories),
      authors: taxonomy(published, (a) => (a.author ? [a.author] : [])),
      tags: taxonomy(published, (a) => a.tags),
      aliases: new Map(published.flatMap((a) => a.aliases.map((alias) => [aliasKey(alias), a] as const))),
      validUntil: split > 0 ? Date.parse(live[split - 1]!.date) : Number.POSITIVE_INFINITY,
    };
    return view;
  };

  return {
    dir,
    get published() {
      return current().published;
    },
    get scheduled() {
      return current().scheduled;
    },
    drafts,
    problems: result.problems,
    getMeta: (slug) => {
      const v = current();
      const i = v.bySlug.get(slug.normalize('NFC'));
      return i === undefined ? undefined : v.published[i];
    },
    getDraftMeta: (slug) => {
      const normalized = slug.normalize('NFC');
      return draftBySlug.get(normalized) ?? current().scheduled.find((a) => a.slug === normalized);
    },
    get categories() {
      return current().categories.entries;
    },
    get authors() {
      return current().authors.entries;
    },
    get tags() {
      return current().tags.entries;
    },
    inCategory: (name) => current().categories.lookup(name),
    byAuthor: (name) => current().authors.lookup(name),
    withTag: (name) => current().tags.lookup(name),
    neighbors: (slug) => {
      const v = current();
      const i = v.bySlug.get(slug.normalize('NFC'));
      if (i === undefined) return { newer: null, older: null };
      return { newer: v.published[i - 1] ?? null, older: v.published[i + 1] ?? null };
    },
    byAlias: (pathname) => current().aliases.get(aliasKey(pathname)),
  };
}

export class ContentError extends Error {
  override name = 'ContentError';
}

const INDEX = Symbol.for('hutong.contentIndex');
type IndexHolder = { [INDEX]?: ContentIndex };

/**
 * The process-wide index, built on first use from getConfig() and kept on globalThis so Next.js
 * module reloads share it. Problems are logged once; with STRICT_CONTENT every call throws.
 */
export function getContentIndex(): ContentIndex {
  const holder = globalThis as IndexHolder;
  const config = getConfig();
  let index = holder[INDEX];
  if (!index) {
    index = buildContentIndex({ dir: config.contentDir, timeZone: config.timeZone });
    for (const problem of index.problems) console.warn(`content: ${formatProblem(problem)}`);
    holder[INDEX] = index;
  }
  if (config.strictContent && index.problems.length > 0) {
    const lines = index.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new ContentError(
      `STRICT_CONTENT is on and the content folder has ${index.problems.length} problem(s):\n${lines}\n` +
        'Fix them (npm run content:check lists the same) or unset STRICT_CONTENT.',
    );
  }
  return index;
}

/** Forgets the process-wide index so the next getContentIndex() rebuilds it (tests, dev tooling). */
export function resetContentIndex(): void {
  delete (globalThis as IndexHolder)[INDEX];
}

function withBody(index: ContentIndex, meta: ArticleMeta | undefined): Article | undefined {
  if (!meta) return undefined;
  const body = readArticleBody(index.dir, meta.file);
  return body === null ? undefined : { ...meta, body };
}

/** A published article with its body, read from disk now (the index keeps no bodies). */
export function getArticle(slug: string): Article | undefined {
  const index = getContentIndex();
  return withBody(index, index.getMeta(slug));
}

/** A draft with its body, for Draft Mode only. */
export function getDraftArticle(slug: string): Article | undefined {
  const index = getContentIndex();
  return withBody(index, index.getDraftMeta(slug));
}
