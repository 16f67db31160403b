// Reads the content folder into article records and a list of problems; a broken file never throws.
// Which files and their bytes: files.ts.
import path from 'node:path';
import { byPath, decodeContentFile, listContentFiles, modifiedTime, readContentFile } from './files';
import { FrontMatterError, splitFrontMatter, yamlScalarText } from './front-matter';
import { parseDate } from './parse-date';
import { KNOWN_KEYS, validateFrontMatter } from './schema';
import { slugify } from './slug';
import type { Article, ArticleMeta, ContentProblem } from './types';
import type { Root } from 'hast';
import { analyzeArticle } from '@/lib/render/analyze';
import { detectBodyFormat } from '@/lib/render/body-format';
import { makeExcerpt } from '@/lib/render/text-stats';

export type LoadOptions = { dir: string; timeZone: string };

/** What one file yields on its own; `meta.slug` is the slug it asks for, before clashes are settled. */
export type ParsedFile = {
  meta: ArticleMeta | null;
  problems: ContentProblem[];
  /** Front-matter keys this site does not read (Hexo's layout, toc, …): listed by content:check --verbose. */
  ignoredKeys: string[];
};

export type ScanOptions = LoadOptions & {
  /** A result kept from an earlier run for this file and content hash; returning one skips parsing. */
  reuse?: (file: string, hash: string) => ParsedFile | undefined;
  /** Called for every file that is actually parsed (not reused). */
  onParse?: (file: string) => void;
  /** Called with the sanitized body tree of every file parsed, so a caller can take more from the one render (the search index's text). */
  onRendered?: (file: string, hash: string, tree: Root) => void;
};

export type FileRecord = { file: string; hash: string; parsed: ParsedFile };

export type ScanResult = {
  /** Published and drafts, newest first (date desc, then slug). */
  articles: ArticleMeta[];
  problems: ContentProblem[];
  /** Per-file results, for the disk cache. */
  records: FileRecord[];
};

/** Newest first, then slug, so equal dates still have a stable order. */
export function compareArticles(a: ArticleMeta, b: ArticleMeta): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return byPath(a.slug, b.slug);
}

function isDraftPath(file: string): boolean {
  return file.split('/').slice(0, -1).includes('_drafts');
}

function fileSlug(file: string): string | null {
  const base = path.posix.basename(file);
  return slugify(base.slice(0, base.length - path.posix.extname(base).length));
}

/**
 * js-yaml reads some unquoted scalars as something other than the text written: timestamps become
 * Dates (zoneless ones read as UTC), and a title like 1936 or 12_00 becomes a number (1200). Putting
 * back the text the author wrote lets the schema read dates in the site's zone and keep titles as written.
 */
function restoreYamlText(data: unknown, rawMatter: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    const textual = ['title', 'author', 'slug', 'abbrlink'].includes(key) && (typeof value === 'number' || typeof value === 'boolean');
    if (value instanceof Date || textual) out[key] = yamlScalarText(rawMatter, key) ?? value;
  }
  return out;
}

/** A Jekyll post's file name: `2019-04-04-slug.md` dates the post and names its address. */
const JEKYLL_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;

function baseName(file: string): string {
  const base = path.posix.basename(file);
  return base.slice(0, base.length - path.posix.extname(base).length);
}

/** The address an article asks for, from the most to the least explicit source, and its older ones. */
function addressOf(
  file: string,
  fm: { slug: string | null; permalink: string | null; abbrlink: string | null },
): { slug: string | null; aliases: string[] } {
  const aliases: string[] = [];
  let fromPermalink: string | null = null;
  if (fm.permalink) {
    aliases.push(fm.permalink);
    const last = fm.permalink.split('/').filter(Boolean).at(-1) ?? '';
    fromPermalink = slugify(last.replace(/\.html?$/i, '')) ?? null;
  }
  if (fm.abbrlink) aliases.push(`/posts/${fm.abbrlink}/`, `/posts/${fm.abbrlink}.html`);
  const jekyll = JEKYLL_NAME.exec(baseName(file));
  const fromName = jekyll ? slugify(jekyll[4]!) : fileSlug(file);
  return { slug: fm.slug ?? fromPermalink ?? fm.abbrlink ?? fromName, aliases };
}

/** The date a Jekyll file name gives, at midnight in the site's zone; null when it has none. */
function dateFromName(file: string, timeZone: string): string | null {
  const m = JEKYLL_NAME.exec(baseName(file));
  if (!m) return null;
  const d = parseDate(`${m[1]}-${m[2]}-${m[3]}`, timeZone);
  return d ? d.toISOString() : null;
}

/** Words for a title taken from a file name: `my-first_post` → "my first post". */
function titleFromName(file: string): string {
  const base = baseName(file);
  return (JEKYLL_NAME.exec(base)?.[4] ?? base).replace(/[-_]+/g, ' ').trim() || base;
}

/**
 * Parses one file's text into its metadata and body; every fault becomes a problem. `mtime` is asked
 * for only when nothing in the file dates it (Hexo's rule: the file's modification time).
 */
export function parseContentFile(
  file: string,
  text: string,
  timeZone: string,
  onTree?: (tree: Root) => void,
  mtime?: () => Date | null,
): ParsedFile & { body: string | null } {
  const problems: ContentProblem[] = [];
  const fail = () => ({ meta: null, body: null, problems, ignoredKeys: [] });
  const warn = (field: string | null, reason: string) => problems.push({ file, field, reason, excluded: false });

  let split;
  try {
    split = splitFrontMatter(text);
  } catch (error) {
    const reason = error instanceof FrontMatterError ? error.message : `bad front matter: ${String(error)}`;
    problems.push({ file, field: null, reason, excluded: true });
    return fail();
  }
  for (const repair of split.repairs) {
    warn(repair.key, `line ${repair.line}: the quotes in this value broke the YAML; it was read as the text between them (quote the whole value with '…' to silence this)`);
  }

  const data = restoreYamlText(split.data, split.matter);
  const { frontMatter, problems: fieldProblems } = validateFrontMatter(data, timeZone);
  for (const p of fieldProblems) problems.push({ file, ...p });
  const ignoredKeys = typeof data === 'object' && data !== null ? Object.keys(data).filter((k) => !KNOWN_KEYS.has(k)) : [];

  const body = split.body.trim();
  if (body === '') {
    problems.push({ file, field: null, reason: 'the body is empty: put the article after the closing ---', excluded: true });
  }
  if (!frontMatter || body === '') return { ...fail(), ignoredKeys };

  const { slug, aliases } = addressOf(file, frontMatter);
  if (slug === null) {
    problems.push({
      file,
      field: 'slug',
      reason: 'the file name has no characters usable in a URL: rename the file or add a slug: field',
      excluded: true,
    });
    return { ...fail(), ignoredKeys };
  }

  let date = frontMatter.date ?? dateFromName(file, timeZone);
  if (date === null) {
    const modified = mtime?.() ?? null;
    if (modified === null) {
      problems.push({ file, field: 'date', reason: 'missing, and the file has no modification time to fall back on: add a date', excluded: true });
      return { ...fail(), ignoredKeys };
    }
    date = modified.toISOString();
    warn('date', `missing: dated by the file's modification time (${date}); add a date so it does not move when the file is copied`);
  }

  const format = detectBodyFormat(file, body, frontMatter.format);
  let rendered;
  try {
    rendered = analyzeArticle(body, format, onTree);
  } catch (error) {
    // The analyser promises not to throw; if it ever does, one file must not take the site down.
    problems.push({ file, field: null, reason: `the body could not be read as ${format === 'markdown' ? 'Markdown' : 'HTML'}: ${String(error)}`, excluded: true });
    return { ...fail(), ignoredKeys };
  }
  const { analysis, removedTags } = rendered;
  if (analysis.charCount === 0 && analysis.firstImage === null) {
    problems.push({ file, field: null, reason: 'the body has no readable text or images', excluded: true });
    return { ...fail(), ignoredKeys };
  }
  if (removedTags.length > 0) {
    warn(null, `template tags are not run on this site and were left out: ${removedTags.slice(0, 5).join(', ')}${removedTags.length > 5 ? ` and ${removedTags.length - 5} more` : ''}`);
  }

  let title = frontMatter.title;
  if (title === '') {
    title = analysis.toc[0]?.text ?? titleFromName(file);
    warn('title', `missing or empty: titled «${title}» from ${analysis.toc[0] ? 'the first heading' : 'the file name'}; add a title`);
  }

  const meta: ArticleMeta = {
    slug,
    title,
    date,
    updated: frontMatter.updated,
    categories: frontMatter.categories,
    tags: frontMatter.tags,
    author: frontMatter.author,
    headimg: frontMatter.headimg,
    thumbnail: frontMatter.thumbnail,
    comments: frontMatter.comments,
    draft: frontMatter.draft || isDraftPath(file),
    format,
    aliases,
    file,
    ...analysis,
    excerpt: frontMatter.summary ? makeExcerpt([frontMatter.summary]) : analysis.excerpt,
  };
  return { meta, body, problems, ignoredKeys };
}

/**
 * Gives each article its slug. Published files claim slugs before drafts, each group in path
 * order, so a draft can never take a live article's address.
 */
function settleSlugs(candidates: ArticleMeta[], problems: ContentProblem[]): ArticleMeta[] {
  const ordered = [...candidates].sort((a, b) => Number(a.draft) - Number(b.draft) || byPath(a.file, b.file));
  const owner = new Map<string, string>();
  const kept: ArticleMeta[] = [];
  for (const meta of ordered) {
    const holder = owner.get(meta.slug);
    if (holder !== undefined) {
      problems.push({
        file: meta.file,
        field: null,
        reason: `slug "${meta.slug}" is already used by ${holder}; rename one file or give one a different slug: field`,
        excluded: true,
      });
      continue;
    }
    owner.set(meta.slug, meta.file);
    kept.push(meta);
  }
  return kept.sort(compareArticles);
}

/** Parses one file read by readContentFile; `onTree` receives the sanitized body tree of a file that parses. */
export function parseReadFile(
  root: string,
  file: string,
  bytes: Buffer,
  timeZone: string,
  onTree?: (tree: Root) => void,
): ParsedFile & { body: string | null } {
  const decoded = decodeContentFile(file, bytes);
  if ('problem' in decoded) return { meta: null, body: null, problems: [decoded.problem], ignoredKeys: [] };
  return parseContentFile(file, decoded.text, timeZone, onTree, () => modifiedTime(root, file));
}

/** Candidates with their slugs settled (see settleSlugs) and the problems sorted by file, as a scan returns them. */
export function settleArticles(
  candidates: ArticleMeta[],
  problems: ContentProblem[],
): { articles: ArticleMeta[]; problems: ContentProblem[] } {
  const all = [...problems];
  const articles = settleSlugs(candidates, all);
  // Stable sort: a file's own problems stay in field order, clashes join their file.
  all.sort((a, b) => byPath(a.file, b.file));
  return { articles, problems: all };
}

function scan(opts: ScanOptions, onBody: ((meta: ArticleMeta, body: string) => void) | null): ScanResult {
  const root = path.resolve(opts.dir);
  const listing = listContentFiles(root);
  const problems: ContentProblem[] = [...listing.problems];
  const records: FileRecord[] = [];
  const candidates: ArticleMeta[] = [];

  for (const file of listing.files) {
    const read = readContentFile(root, file);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    let parsed = onBody ? undefined : opts.reuse?.(file, read.hash);
    if (!parsed) {
      opts.onParse?.(file);
      const onTree = opts.onRendered && ((tree: Root) => opts.onRendered?.(file, read.hash, tree));
      const { body, ...result } = parseReadFile(root, file, read.bytes, opts.timeZone, onTree);
      parsed = result;
      if (onBody && result.meta && body !== null) onBody(result.meta, body);
    }
    records.push({ file, hash: read.hash, parsed });
    problems.push(...parsed.problems);
    if (parsed.meta) candidates.push(parsed.meta);
  }

  return { ...settleArticles(candidates, problems), records };
}

/** Metadata for every article (no bodies held), with the problems found. */
export function scanContent(opts: ScanOptions): ScanResult {
  return scan(opts, null);
}

/** Every article with its body, published and drafts, newest first; and every problem found. */
export function loadContent(opts: LoadOptions): { articles: Article[]; problems: ContentProblem[] } {
  const bodies = new Map<ArticleMeta, string>();
  const result = scan(opts, (meta, body) => bodies.set(meta, body));
  return {
    articles: result.articles.map((meta) => ({ ...meta, body: bodies.get(meta) ?? '' })),
    problems: result.problems,
  };
}
