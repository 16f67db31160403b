import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BookmarkList, type BookmarkListItem } from '@/components/account/bookmark-list';
import { Pagination } from '@/components/listings/pagination';
import { getCurrentUser } from '@/lib/accounts/auth';
import { listBookmarks } from '@/lib/accounts/bookmarks';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format/date';

export const metadata: Metadata = { title: '我的收藏', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(page: number): string {
  return page <= 1 ? '/bookmarks' : `/bookmarks?page=${page}`;
}

export default async function BookmarksPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Fbookmarks');
  const raw = (await searchParams).page;
  const requested = Number.parseInt(Array.isArray(raw) ? (raw[0] ?? '1') : (raw ?? '1'), 10);
  const result = await listBookmarks(await getDb(), user.id, Number.isFinite(requested) ? requested : 1);
  const index = getContentIndex();
  const { timeZone } = getConfig();
  const items: BookmarkListItem[] = result.items.map((b) => {
    const meta = index.getMeta(b.slug);
    return {
      slug: b.slug,
      savedAt: b.createdAt.toISOString(),
      savedLabel: formatDate(b.createdAt.toISOString(), timeZone),
      article: meta
        ? { title: meta.title, href: articlePath(meta.slug), excerpt: meta.excerpt || null, author: meta.author }
        : null,
    };
  });

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-fg">我的收藏</h1>
        <p className="text-sm text-muted">
          共 {result.total} 篇{result.pageCount > 1 ? `，第 ${result.page} / ${result.pageCount} 页` : ''}
        </p>
      </div>
      <div className="mt-6">
        {result.total === 0 ? (
          <div className="rounded-md border border-dashed border-line px-6 py-12 text-center text-muted">
            <p>还没有收藏。读到喜欢的文章时，点文章页上的“收藏”即可。</p>
            <Link href="/" className="mt-4 inline-block text-accent hover:underline">
              去首页看看
            </Link>
          </div>
        ) : (
          // Keyed by page so moving between pages starts with a fresh list rather than carrying removals over.
          <BookmarkList key={result.page} items={items} returnTo={pageHref(result.page)} />
        )}
      </div>
      <Pagination page={result.page} totalPages={result.pageCount} href={pageHref} />
    </div>
  );
}
