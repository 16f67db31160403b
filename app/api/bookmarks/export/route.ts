// GET /api/bookmarks/export: every bookmark, the reading history and the highlights and notes of the signed-in
// reader as a JSON download (the account export).
import { getCurrentUser } from '@/lib/accounts/auth';
import { allBookmarks } from '@/lib/accounts/bookmarks';
import { absoluteUrl, getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';
import { readingHistoryOf } from '@/lib/accounts/reading-history';
import { allHighlights } from '@/lib/accounts/highlights';
import { groupByArticle, highlightsJson } from '@/lib/accounts/highlights-export';
import { highlightArticleRef } from '@/lib/accounts/highlight-articles';

export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    return new Response(null, {
      status: 303,
      headers: { Location: '/signin?callbackUrl=%2Faccount', 'Cache-Control': 'private, no-store' },
    });
  }
  const index = getContentIndex();
  /** What the export says of a saved or opened article: where it is, or that it has left content/. */
  const articleRef = (slug: string) => {
    const meta = index.getMeta(slug);
    return {
      slug,
      title: meta?.title ?? null,
      url: meta ? absoluteUrl(articlePath(slug)) : null,
      available: Boolean(meta),
    };
  };
  const db = await getDb();
  const [saved, history, highlights] = await Promise.all([
    allBookmarks(db, user.id),
    readingHistoryOf(db, user.id),
    allHighlights(db, user.id),
  ]);
  const exportedAt = new Date();
  const body = {
    site: getConfig().siteName,
    account: user.email,
    exportedAt: exportedAt.toISOString(),
    count: saved.length,
    bookmarks: saved.map((b) => ({ ...articleRef(b.slug), savedAt: b.createdAt.toISOString() })),
    // Newest opened first; an article that has left content/ is kept, marked unavailable.
    readingHistory: history.map((h) => ({
      ...articleRef(h.slug),
      openedAt: h.openedAt.toISOString(),
      progress: h.progress,
    })),
    // 划线与笔记, grouped by article (newest first), with the selectors that anchor each passage.
    highlights: highlightsJson(groupByArticle(highlights, highlightArticleRef)),
  };
  const filename = `hutong-bookmarks-${exportedAt.toISOString().slice(0, 10)}.json`;
  return new Response(JSON.stringify(body, null, 2) + '\n', {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
