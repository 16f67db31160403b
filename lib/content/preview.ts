// Draft Mode reads: what an editor previews comes from the files on disk as they are now (an edit shows on
// refresh, a newly dropped draft is found). The site index says which files it holds and how they were when
// it was built; only files it does not hold (drafts, new files) or that changed since are parsed again, and
// each of those once while its size and modification time stay the same.
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { getConfig } from '@/lib/config';
import { getContentIndex, type ContentIndex } from './index';
import { fileStamp, listContentFiles, readContentBytes } from './files';
import { readArticleBody } from './body';
import { parseReadFile } from './load';
import type { Article, ArticleMeta, ContentProblem } from './types';

export type PreviewArticle = Article & { status: 'draft' | 'scheduled' | 'published' };

type Fresh = { metas: ArticleMeta[]; problems: ContentProblem[]; changed: Set<string> };

/** The index's record of its files: the index file does not change while it is open, so read once. */
const stampsOf = new WeakMap<ContentIndex, ReturnType<ContentIndex['fileStamps']>>();

/**
 * What files outside the index (drafts, new or edited files) parsed to, by content folder, time zone and
 * file: a preview at 100,000 articles with 1,000 drafts parsed all of them on every request (~4 s).
 */
type Parsed = { size: number; mtimeMs: number; meta: ArticleMeta | null; problems: ContentProblem[] };
const PARSES_KEPT = 5_000;
const parses = new LRUCache<string, Parsed>({ max: PARSES_KEPT });

function parseNow(root: string, file: string, stamp: { size: number; mtimeMs: number }, timeZone: string): Parsed {
  const key = `${root}\0${timeZone}\0${file}`;
  const kept = parses.get(key);
  if (kept && kept.size === stamp.size && kept.mtimeMs === stamp.mtimeMs) return kept;
  const read = readContentBytes(root, file);
  let parsed: Parsed;
  if ('problem' in read) parsed = { ...stamp, meta: null, problems: [read.problem] };
  else {
    const { meta, problems } = parseReadFile(root, file, read.bytes, timeZone);
    parsed = { ...stamp, meta, problems };
  }
  // A file that vanished between the listing and the read is not kept: it may come back.
  if (stamp.size >= 0) parses.set(key, parsed);
  return parsed;
}

/** The files that are not in the index as they are now, parsed now. */
function freshFiles(index: ContentIndex, timeZone: string): Fresh {
  const root = path.resolve(/*turbopackIgnore: true*/ index.dir);
  let stamps = stampsOf.get(index);
  if (!stamps) stampsOf.set(index, (stamps = index.fileStamps()));
  const listing = listContentFiles(root);
  const fresh: Fresh = { metas: [], problems: [...listing.problems], changed: new Set() };
  for (const file of listing.files) {
    const known = stamps.get(file);
    const now = fileStamp(root, file);
    if (known && known.size === now.size && known.mtimeMs === now.mtimeMs) continue;
    fresh.changed.add(file);
    const { meta, problems } = parseNow(root, file, now, timeZone);
    fresh.problems.push(...problems);
    if (meta) fresh.metas.push(meta);
  }
  const listed = new Set(listing.files);
  for (const file of stamps.keys()) if (!listed.has(file)) fresh.changed.add(file);
  return fresh;
}

function statusOf(meta: ArticleMeta, now: number): PreviewArticle['status'] {
  return meta.draft ? 'draft' : Date.parse(meta.date) > now ? 'scheduled' : 'published';
}

/** The article at `slug` as its file reads now: a draft, a scheduled article or a published one. */
export function previewArticle(
  slug: string,
  index: ContentIndex = getContentIndex(),
  timeZone: string = getConfig().timeZone,
): PreviewArticle | undefined {
  const wanted = slug.normalize('NFC');
  const fresh = freshFiles(index, timeZone);
  const now = index.now();
  // A published file claims its address before a draft does, as in the index.
  const candidates = fresh.metas.filter((m) => m.slug === wanted).sort((a, b) => Number(a.draft) - Number(b.draft));
  let meta: ArticleMeta | undefined = candidates[0];
  if (!meta) {
    const held = index.getMeta(wanted) ?? index.getDraftMeta(wanted);
    meta = held && !fresh.changed.has(held.file) ? held : undefined;
  }
  if (!meta) return undefined;
  const body = readArticleBody(index.dir, meta.file);
  if (body === null) return undefined;
  return { ...meta, body, status: statusOf(meta, now) };
}

export type DraftListing = {
  drafts: Array<ArticleMeta & { status: 'draft' | 'scheduled'; problems: ContentProblem[] }>;
  /** Problems in files that could not be read as articles at all (they may be drafts too). */
  unreadable: ContentProblem[];
};

/** Every draft and scheduled article, newest first, each with the content check's problems for its file. */
export function listDrafts(index: ContentIndex = getContentIndex(), timeZone: string = getConfig().timeZone): DraftListing {
  const fresh = freshFiles(index, timeZone);
  const now = index.now();
  const problems = [...index.problems.filter((p) => !fresh.changed.has(p.file)), ...fresh.problems];
  const problemsByFile = new Map<string, ContentProblem[]>();
  for (const p of problems) problemsByFile.set(p.file, [...(problemsByFile.get(p.file) ?? []), p]);
  const unpublished = [
    ...fresh.metas.filter((m) => statusOf(m, now) !== 'published'),
    ...index.scheduled.filter((m) => !fresh.changed.has(m.file)),
  ];
  const rows = unpublished
    .map((a) => ({ ...a, status: statusOf(a, now) as 'draft' | 'scheduled' }))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
    .map((a) => ({ ...a, problems: problemsByFile.get(a.file) ?? [] }));
  const known = new Set([...fresh.metas.map((m) => m.file), ...index.scheduled.map((m) => m.file)]);
  const unreadable = problems.filter((p) => p.excluded && !known.has(p.file) && !index.isArticleFile(p.file));
  return { drafts: rows, unreadable };
}
