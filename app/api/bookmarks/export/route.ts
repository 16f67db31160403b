// GET /api/bookmarks/export: every bookmark (with 稍后读/已读 and its collections), the collections, the reading
// history, the highlights and notes and the follows of the signed-in reader as a JSON download (the account export).
import { getCurrentUser } from '@/lib/accounts/auth';
import { collectionItemsOf, listCollections, savedArticles } from '@/lib/accounts/collections';
import { followsOf } from '@/lib/accounts/follows';
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
  const [saved, history, highlights, collections, items, followed] = await Promise.all([
    savedArticles(db, user.id),
    readingHistoryOf(db, user.id),
    allHighlights(db, user.id),
    listCollections(db, user.id),
    collectionItemsOf(db, user.id),
    followsOf(db, user.id),
  ]);
  const collectionName = new Map(collections.map((c) => [c.id, c.name]));
  const collectionsOf = new Map<string, string[]>();
  for (const item of items) {
    const name = collectionName.get(item.collectionId);
    if (name) collectionsOf.set(item.slug, [...(collectionsOf.get(item.slug) ?? []), name]);
  }
  const exportedAt = new Date();
  const body = {
    site: getConfig().siteName,
    account: user.email,
    exportedAt: exportedAt.toISOString(),
    count: saved.length,
    bookmarks: saved.map((b) => ({
      ...articleRef(b.slug),
      savedAt: b.createdAt.toISOString(),
      state: b.readAt ? 'read' : 'later',
      readAt: b.readAt?.toISOString() ?? null,
      collections: collectionsOf.get(b.slug) ?? [],
    })),
    // 收藏夹, oldest first, each with its articles (slugs) in the order they were added.
    collections: collections.map((c) => ({
      name: c.name,
      createdAt: c.createdAt,
      articles: items.filter((i) => i.collectionId === c.id).map((i) => i.slug),
    })),
    follows: followed.map((f) => ({ kind: f.kind, name: f.name, since: f.createdAt.toISOString() })),
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
