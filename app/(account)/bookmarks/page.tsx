// 我的收藏: the reader's saved articles, 全部 / 稍后读 / 已读, one collection or all, sorted by when they were
// saved or when they were published; each row marks 已读 / 稍后读, files the article into collections, or removes
// it; the collections themselves are made, renamed and deleted below. Filters are plain links (no JavaScript
// needed to browse).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BookmarkList, type BookmarkListItem } from '@/components/account/bookmark-list';
import { CollectionManager } from '@/components/account/collection-manager';
import { Pagination } from '@/components/listings/pagination';
import { getCurrentUser } from '@/lib/accounts/auth';
import { BOOKMARKS_PAGE_SIZE } from '@/lib/accounts/bookmarks';
import { countSaved, listCollections, savedArticles, type ReadState } from '@/lib/accounts/collections';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format/date';

export const metadata: Metadata = { title: '我的收藏', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type View = { state: ReadState | undefined; collection: string | undefined; sort: 'saved' | 'published'; page: number };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function hrefFor(view: View, change: Partial<View> = {}): string {
  const next = { ...view, page: 1, ...change };
  const query = new URLSearchParams();
  if (next.state) query.set('state', next.state);
  if (next.collection) query.set('c', next.collection);
  if (next.sort === 'published') query.set('sort', 'published');
  if (next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `/bookmarks?${text}` : '/bookmarks';
}

function Chip({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`inline-flex h-9 items-center rounded-full border px-3 text-sm ${current ? 'border-accent bg-accent text-accent-fg' : 'border-line text-fg hover:border-accent'}`}
    >
      {children}
    </Link>
  );
}

export default async function BookmarksPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Fbookmarks');
  const params = await searchParams;
  const db = await getDb();
  const collections = await listCollections(db, user.id);
  const stateParam = one(params.state);
  const requested = Number.parseInt(one(params.page) || '1', 10);
  const view: View = {
    state: stateParam === 'later' || stateParam === 'read' ? stateParam : undefined,
    collection: collections.some((c) => c.id === one(params.c)) ? one(params.c) : undefined,
    sort: one(params.sort) === 'published' ? 'published' : 'saved',
    page: Number.isFinite(requested) && requested > 0 ? requested : 1,
  };
  const [rows, counts] = await Promise.all([
    savedArticles(db, user.id, { state: view.state, collectionId: view.collection }),
    countSaved(db, user.id),
  ]);
  const index = getContentIndex();
  const { timeZone } = getConfig();
  const withMeta = rows.map((b) => ({ ...b, meta: index.getMeta(b.slug) }));
  // Published first by date (newest first); articles that have left the site after them, by when they were saved.
  if (view.sort === 'published')
    withMeta.sort((a, b) => (a.meta && b.meta ? b.meta.date.localeCompare(a.meta.date) : a.meta ? -1 : b.meta ? 1 : 0));
  const pageCount = Math.max(1, Math.ceil(withMeta.length / BOOKMARKS_PAGE_SIZE));
  const page = Math.min(view.page, pageCount);
  const items: BookmarkListItem[] = withMeta
    .slice((page - 1) * BOOKMARKS_PAGE_SIZE, page * BOOKMARKS_PAGE_SIZE)
    .map(({ slug, createdAt, readAt, meta }) => ({
      slug,
      savedAt: createdAt.toISOString(),
      savedLabel: formatDate(createdAt.toISOString(), timeZone),
      read: readAt !== null,
      article: meta
        ? { title: meta.title, href: articlePath(meta.slug), excerpt: meta.excerpt || null, author: meta.author }
        : null,
    }));
  const collectionName = collections.find((c) => c.id === view.collection)?.name;
  const filtered = Boolean(view.state || view.collection);

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-fg">我的收藏</h1>
        <p className="text-sm text-muted">
          {filtered
            ? `${collectionName ? `“${collectionName}”中` : ''}找到 ${withMeta.length} 篇`
            : `共 ${counts.all} 篇`}
          {pageCount > 1 ? `，第 ${page} / ${pageCount} 页` : ''}
        </p>
      </div>
      <nav aria-label="按阅读状态" className="mt-6 flex flex-wrap gap-2">
        <Chip href={hrefFor(view, { state: undefined })} current={!view.state}>
          全部 {counts.all}
        </Chip>
        <Chip href={hrefFor(view, { state: 'later' })} current={view.state === 'later'}>
          稍后读 {counts.later}
        </Chip>
        <Chip href={hrefFor(view, { state: 'read' })} current={view.state === 'read'}>
          已读 {counts.read}
        </Chip>
      </nav>
      {collections.length > 0 ? (
        <nav aria-label="按收藏夹" className="mt-3 flex flex-wrap gap-2">
          <Chip href={hrefFor(view, { collection: undefined })} current={!view.collection}>
            全部收藏夹
          </Chip>
          {collections.map((c) => (
            <Chip key={c.id} href={hrefFor(view, { collection: c.id })} current={view.collection === c.id}>
              {c.name} {c.count}
            </Chip>
          ))}
        </nav>
      ) : null}
      <nav aria-label="排序" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted">排序：</span>
        <Chip href={hrefFor(view, { sort: 'saved' })} current={view.sort === 'saved'}>
          收藏时间
        </Chip>
        <Chip href={hrefFor(view, { sort: 'published' })} current={view.sort === 'published'}>
          发布时间
        </Chip>
      </nav>
      <div className="mt-6">
        {withMeta.length === 0 ? (
          <div className="rounded-md border border-dashed border-line px-6 py-12 text-center text-muted">
            {filtered ? <p>这里还没有文章。</p> : <p>还没有收藏。读到喜欢的文章时，点文章页上的“收藏”即可。</p>}
            <Link href={filtered ? '/bookmarks' : '/'} className="mt-4 inline-block text-accent hover:underline">
              {filtered ? '看全部收藏' : '去首页看看'}
            </Link>
          </div>
        ) : (
          // Keyed by page so moving between pages starts with a fresh list rather than carrying removals over.
          <BookmarkList key={hrefFor(view, { page })} items={items} returnTo={hrefFor(view, { page })} />
        )}
      </div>
      <Pagination page={page} totalPages={pageCount} href={(p) => hrefFor(view, { page: p })} />
      <CollectionManager collections={collections} />
    </div>
  );
}
