// Draft Mode reads: what an editor previews comes from the files on disk as they are now (an edit
// shows on refresh, a newly dropped draft is found), never from the process-wide published index.
import { getConfig } from '@/lib/config';
import { buildContentIndex, type ContentIndex } from './index';
import { readArticleBody } from './load';
import type { Article, ArticleMeta, ContentProblem } from './types';

/**
 * A fresh index of the content folder. Unchanged published files come from the build's parse cache,
 * and drafts are never cached, so this re-parses only drafts and edited files.
 */
export function freshContentIndex(): ContentIndex {
  const { contentDir, timeZone } = getConfig();
  return buildContentIndex({ dir: contentDir, timeZone });
}

export type PreviewArticle = Article & { status: 'draft' | 'scheduled' | 'published' };

/** The article at `slug` as its file reads now: a draft, a scheduled article or a published one. */
export function previewArticle(slug: string, index: ContentIndex = freshContentIndex()): PreviewArticle | undefined {
  const published = index.getMeta(slug);
  const unpublished = published ? undefined : index.getDraftMeta(slug);
  const meta = published ?? unpublished;
  if (!meta) return undefined;
  const body = readArticleBody(index.dir, meta.file);
  if (body === null) return undefined;
  const status = published ? 'published' : meta.draft ? 'draft' : 'scheduled';
  return { ...meta, body, status };
}

export type DraftListing = {
  drafts: Array<ArticleMeta & { status: 'draft' | 'scheduled'; problems: ContentProblem[] }>;
  /** Problems in files that could not be read as articles at all (they may be drafts too). */
  unreadable: ContentProblem[];
};

/** Every draft and scheduled article, newest first, each with the content check's problems for its file. */
export function listDrafts(index: ContentIndex = freshContentIndex()): DraftListing {
  const problemsByFile = new Map<string, ContentProblem[]>();
  for (const p of index.problems) problemsByFile.set(p.file, [...(problemsByFile.get(p.file) ?? []), p]);
  const rows = [
    ...index.drafts.map((a) => ({ ...a, status: 'draft' as const })),
    ...index.scheduled.map((a) => ({ ...a, status: 'scheduled' as const })),
  ]
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
    .map((a) => ({ ...a, problems: problemsByFile.get(a.file) ?? [] }));
  const known = new Set([...index.drafts, ...index.scheduled, ...index.published].map((a) => a.file));
  const unreadable = index.problems.filter((p) => p.excluded && !known.has(p.file));
  return { drafts: rows, unreadable };
}
