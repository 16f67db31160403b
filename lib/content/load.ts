// Reads the content folder into article records and a list of problems; a broken file never throws.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FrontMatterError, splitFrontMatter, yamlScalarText } from './front-matter';
import { validateFrontMatter } from './schema';
import { slugify } from './slug';
import type { Article, ArticleMeta, ContentProblem } from './types';
import type { Root } from 'hast';
import { analyzeArticleHtml } from '@/lib/render/analyze';

export const CONTENT_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.txt'] as const;

export type LoadOptions = { dir: string; timeZone: string };

/** What one file yields on its own; `meta.slug` is the slug it asks for, before clashes are settled. */
export type ParsedFile = { meta: ArticleMeta | null; problems: ContentProblem[] };

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

/** Plain code-unit order: the same on every machine and locale, which "first by path" relies on. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first, then slug, so equal dates still have a stable order. */
export function compareArticles(a: ArticleMeta, b: ArticleMeta): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return byPath(a.slug, b.slug);
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

function isContentFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return (CONTENT_EXTENSIONS as readonly string[]).includes(ext);
}

/** Every content file under `dir` as a sorted list of forward-slash relative paths. */
export function listContentFiles(dir: string): { files: string[]; problems: ContentProblem[] } {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  const root = path.resolve(dir);
  const seen = new Set<string>();

  const walk = (absolute: string) => {
    const relative = toPosix(path.relative(root, absolute)) || '.';
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(absolute);
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const reason =
        relative === '.' ? `cannot read the content folder ${root} (${code})` : `cannot read this folder (${code})`;
      problems.push({ file: relative, field: null, reason, excluded: relative !== '.' });
      return;
    }
    // A symlink back up the tree would otherwise loop forever.
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(absolute, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(child);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          problems.push({ file: toPosix(path.relative(root, child)), field: null, reason: 'broken symbolic link', excluded: true });
          continue;
        }
      }
      if (isDir) walk(child);
      else if (isFile && isContentFile(entry.name)) files.push(toPosix(path.relative(root, child)));
    }
  };

  walk(root);
  files.sort(byPath);
  return { files, problems };
}

function isDraftPath(file: string): boolean {
  return file.split('/').slice(0, -1).includes('_drafts');
}

function fileSlug(file: string): string | null {
  const base = path.posix.basename(file);
  return slugify(base.slice(0, base.length - path.posix.extname(base).length));
}

/**
 * js-yaml turns unquoted timestamps (and only those) into Dates, reading zoneless ones as UTC.
 * Putting back the text the author wrote lets the schema read it in the site's zone.
 */
function restoreYamlTimestamps(data: unknown, rawMatter: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (value instanceof Date) out[key] = yamlScalarText(rawMatter, key) ?? value;
  }
  return out;
}

/** Parses one file's text into its metadata and body; every fault becomes a problem. */
export function parseContentFile(
  file: string,
  text: string,
  timeZone: string,
  onTree?: (tree: Root) => void,
): ParsedFile & { body: string | null } {
  const problems: ContentProblem[] = [];
  const fail = () => ({ meta: null, body: null, problems });

  let split;
  try {
    split = splitFrontMatter(text);
  } catch (error) {
    const reason = error instanceof FrontMatterError ? error.message : `bad front matter: ${String(error)}`;
    problems.push({ file, field: null, reason, excluded: true });
    return fail();
  }

  const { frontMatter, problems: fieldProblems } = validateFrontMatter(
    restoreYamlTimestamps(split.data, split.matter),
    timeZone,
  );
  for (const p of fieldProblems) problems.push({ file, ...p });

  const body = split.body.trim();
  if (body === '') {
    problems.push({ file, field: null, reason: 'the body is empty: put the article HTML after the closing ---', excluded: true });
  }

  let slug = frontMatter?.slug ?? null;
  if (frontMatter && slug === null) {
    slug = fileSlug(file);
    if (slug === null) {
      problems.push({
        file,
        field: 'slug',
        reason: 'the file name has no characters usable in a URL: rename the file or add a slug: field',
        excluded: true,
      });
    }
  }
  if (!frontMatter || slug === null || body === '') return fail();

  let analysis;
  try {
    analysis = analyzeArticleHtml(body, onTree);
  } catch (error) {
    // The analyser promises not to throw; if it ever does, one file must not take the site down.
    problems.push({ file, field: null, reason: `the body could not be read as HTML: ${String(error)}`, excluded: true });
    return fail();
  }
  if (analysis.charCount === 0 && analysis.firstImage === null) {
    problems.push({ file, field: null, reason: 'the body has no readable text or images', excluded: true });
    return fail();
  }

  const meta: ArticleMeta = {
    slug,
    title: frontMatter.title,
    date: frontMatter.date,
    categories: frontMatter.categories,
    tags: frontMatter.tags,
    author: frontMatter.author,
    headimg: frontMatter.headimg,
    thumbnail: frontMatter.thumbnail,
    comments: frontMatter.comments,
    draft: frontMatter.draft || isDraftPath(file),
    file,
    ...analysis,
  };
  return { meta, body, problems };
}

type ReadResult = { bytes: Buffer; hash: string } | { problem: ContentProblem };

function readContentFile(root: string, file: string): ReadResult {
  try {
    const bytes = fs.readFileSync(path.join(root, file));
    return { bytes, hash: createHash('sha1').update(bytes).digest('hex') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: { file, field: null, reason: `cannot read the file (${code})`, excluded: true } };
  }
}

/**
 * The file's text, or a problem when it is not UTF-8. Only called for files that must be parsed:
 * decoding is the dearest step of a cached rebuild.
 */
function decodeContentFile(file: string, bytes: Buffer): { text: string } | { problem: ContentProblem } {
  // isUtf8 is a fast validator; a fatal TextDecoder costs ~0.1 ms a file, seconds on a large corpus.
  if (!isUtf8(bytes)) {
    return { problem: { file, field: null, reason: 'the file is not UTF-8 text: save it as UTF-8', excluded: true } };
  }
  return { text: bytes.toString('utf8') };
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
      const decoded = decodeContentFile(file, read.bytes);
      if ('problem' in decoded) {
        parsed = { meta: null, problems: [decoded.problem] };
      } else {
        const onTree = opts.onRendered && ((tree: Root) => opts.onRendered?.(file, read.hash, tree));
        const { body, ...result } = parseContentFile(file, decoded.text, opts.timeZone, onTree);
        parsed = result;
        if (onBody && result.meta && body !== null) onBody(result.meta, body);
      }
    }
    records.push({ file, hash: read.hash, parsed });
    problems.push(...parsed.problems);
    if (parsed.meta) candidates.push(parsed.meta);
  }

  const articles = settleSlugs(candidates, problems);
  // Stable sort: a file's own problems stay in field order, clashes join their file.
  problems.sort((a, b) => byPath(a.file, b.file));
  return { articles, problems, records };
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

/** Re-reads one article's body from disk; null when the file is gone or no longer parses. */
export function readArticleBody(dir: string, file: string): string | null {
  const read = readContentFile(path.resolve(dir), file);
  if ('problem' in read) return null;
  const decoded = decodeContentFile(file, read.bytes);
  if ('problem' in decoded) return null;
  try {
    const body = splitFrontMatter(decoded.text).body.trim();
    return body === '' ? null : body;
  } catch {
    return null;
  }
}
