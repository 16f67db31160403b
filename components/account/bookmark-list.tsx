'use client';
// The rows of 我的收藏: each can be removed in place (a plain form post without JavaScript); articles that left the
// site stay listed as 已下线.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { saveBookmark } from './reader-state';

export type BookmarkListItem = {
  slug: string;
  /** ISO instant the reader saved it. */
  savedAt: string;
  /** Display form of savedAt, formatted on the server in the site's time zone. */
  savedLabel: string;
  article: { title: string; href: string; excerpt: string | null; author: string | null } | null;
};

export function BookmarkList({ items, returnTo }: { items: BookmarkListItem[]; returnTo: string }) {
  const router = useRouter();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<{ slug: string; text: string } | null>(null);

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
    </>
  );
}
