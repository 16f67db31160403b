'use client';
// The rows of 我的收藏: each can be removed in place (a plain form post without JavaScript); articles that left the
// site stay listed as 已下线.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useState } from 'react';
import { markRead, saveBookmark } from './reader-state';

const CollectionsDialog = lazy(() => import('./collections-dialog'));

export type BookmarkListItem = {
  slug: string;
  /** ISO instant the reader saved it. */
  savedAt: string;
  /** Display form of savedAt, formatted on the server in the site's time zone. */
  savedLabel: string;
  article: { title: string; href: string; excerpt: string | null; author: string | null } | null;
  /** 已读 (else 稍后读). */
  read: boolean;
};

export function BookmarkList({ items, returnTo }: { items: BookmarkListItem[]; returnTo: string }) {
  const router = useRouter();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<{ slug: string; text: string } | null>(null);
  const [readNow, setReadNow] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [collectionsOf, setCollectionsOf] = useState<BookmarkListItem | null>(null);
  const closeCollections = useCallback(() => {
    setCollectionsOf(null);
    router.refresh();
  }, [router]);

  async function toggleRead(item: BookmarkListItem, read: boolean) {
    setError(null);
    setReadNow((m) => new Map(m).set(item.slug, read));
    const result = await markRead(item.slug, read);
    if (result.ok) setAnnouncement(`《${item.article?.title ?? item.slug}》${read ? '已标为已读' : '已改回稍后读'}`);
    else {
      setReadNow((m) => new Map(m).set(item.slug, !read));
      setError({ slug: item.slug, text: result.message });
    }
  }

  async function remove(item: BookmarkListItem) {
    setBusy(item.slug);
    setError(null);
    const result = await saveBookmark(item.slug, false);
    setBusy(null);
    if (result.ok) {
      setRemoved((prev) => new Set(prev).add(item.slug));
      setAnnouncement(`已取消收藏《${item.article?.title ?? item.slug}》`);
    } else if (result.signInUrl) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    } else {
      setError({ slug: item.slug, text: result.message.replace('收藏失败', '移除失败') });
    }
  }

  const visible = items.filter((i) => !removed.has(i.slug));
  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {visible.length === 0 ? (
        <p className="py-10 text-center text-muted">
          本页的收藏已全部移除。
          <Link href="/bookmarks" className="ml-1 text-accent underline underline-offset-2 hover:decoration-2">
            刷新列表
          </Link>
        </p>
      ) : (
        <ul className="divide-y divide-line border-y border-line" data-testid="bookmark-list">
          {visible.map((item) => (
            <li key={item.slug} className="flex items-start gap-4 py-5" data-slug={item.slug}>
              <div className="min-w-0 flex-1">
                {item.article ? (
                  <>
                    <h2 className="text-lg leading-snug font-bold">
                      <Link href={item.article.href} className="text-fg hover:text-accent">
                        {item.article.title}
                      </Link>
                    </h2>
                    {item.article.excerpt ? (
                      <p className="mt-1.5 line-clamp-2 text-[0.95rem] leading-relaxed text-muted">
                        {item.article.excerpt}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <>
                    <h2 className="text-lg leading-snug font-bold text-muted">
                      文章已下线
                      <span className="ml-2 rounded bg-surface px-1.5 align-middle text-xs font-normal">不可阅读</span>
                    </h2>
                    <p className="mt-1.5 text-sm break-all text-muted">原地址：{item.slug}</p>
                  </>
                )}
                <p className="mt-2 text-sm text-muted">
                  {item.article?.author ? <span className="mr-3">{item.article.author}</span> : null}
                  收藏于 <time dateTime={item.savedAt}>{item.savedLabel}</time>
                </p>
                <div className="mt-2 flex flex-wrap gap-2 text-sm">
                  {(() => {
                    const read = readNow.get(item.slug) ?? item.read;
                    return (
                      <button
                        type="button"
                        aria-pressed={read}
                        onClick={() => void toggleRead(item, !read)}
                        aria-label={`${read ? '已读' : '稍后读'}：《${item.article?.title ?? item.slug}》，点击${read ? '改回稍后读' : '标为已读'}`}
                        className={`inline-flex h-8 items-center rounded-md border px-2 ${read ? 'border-accent text-accent' : 'border-line text-muted hover:border-accent'}`}
                      >
                        {read ? '✓ 已读' : '稍后读'}
                      </button>
                    );
                  })()}
                  {item.article ? (
                    <button
                      type="button"
                      aria-haspopup="dialog"
                      onClick={() => setCollectionsOf(item)}
                      aria-label={`收藏夹：《${item.article.title}》`}
                      className="inline-flex h-8 items-center rounded-md border border-line px-2 text-muted hover:border-accent"
                    >
                      收藏夹
                    </button>
                  ) : null}
                </div>
                {error?.slug === item.slug ? (
                  <p role="alert" className="mt-1 text-sm text-accent">
                    {error.text}
                  </p>
                ) : null}
              </div>
              <form
                method="post"
                action="/api/bookmarks"
                onSubmit={(e) => {
                  e.preventDefault();
                  void remove(item);
                }}
              >
                <input type="hidden" name="slug" value={item.slug} />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="returnTo" value={returnTo} />
                <button
                  type="submit"
                  disabled={busy === item.slug}
                  aria-label={`移除收藏《${item.article?.title ?? item.slug}》`}
                  className="shrink-0 rounded-md border border-line px-3 py-1.5 text-sm text-muted hover:border-accent hover:text-accent disabled:opacity-60"
                >
                  {busy === item.slug ? '正在移除…' : '移除'}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {collectionsOf ? (
        <Suspense fallback={null}>
          <CollectionsDialog
            slug={collectionsOf.slug}
            title={collectionsOf.article?.title ?? collectionsOf.slug}
            onClose={closeCollections}
          />
        </Suspense>
      ) : null}
    </>
  );
}
