// 我的划线: every highlight and note of the signed-in reader, newest first or grouped by article, filtered by
// colour and by words (substring search over passages and notes: Chinese needs no word breaks), each linking
// back to its place in the article (#hl-<id> scrolls there and flashes it). A plain GET form: works without
// JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { HighlightDeleteButton } from '@/components/account/highlight-delete-button';
import { Pagination } from '@/components/listings/pagination';
import { getCurrentUser } from '@/lib/accounts/auth';
import { allHighlights, listHighlights, searchTerms, type Highlight } from '@/lib/accounts/highlights';
import { groupByArticle, type ArticleHighlights } from '@/lib/accounts/highlights-export';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';
import { formatDate } from '@/lib/format/date';
import { COLOR_NAMES, highlightColors, SWATCH_COLORS, type HighlightColor } from '@/lib/reading/highlight-colors';

export const metadata: Metadata = { title: '我的划线', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Filters = { q: string; color: HighlightColor | undefined; view: 'time' | 'article'; page: number };

const GROUPS_PER_PAGE = 20;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const color = one(params.color);
  const page = Number.parseInt(one(params.page) || '1', 10);
  return {
    q: one(params.q).slice(0, 200),
    color: (highlightColors as readonly string[]).includes(color) ? (color as HighlightColor) : undefined,
    view: one(params.view) === 'article' ? 'article' : 'time',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function hrefFor(filters: Filters, page: number): string {
  const query = new URLSearchParams();
  if (filters.q) query.set('q', filters.q);
  if (filters.color) query.set('color', filters.color);
  if (filters.view === 'article') query.set('view', 'article');
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/highlights?${text}` : '/highlights';
}

function placeHref(h: Highlight): string {
  return `${articlePath(h.slug)}#hl-${h.id}`;
}

function Passage({ h, timeZone, articleTitle }: { h: Highlight; timeZone: string; articleTitle?: string | null }) {
  return (
    <li className="rounded-md border border-line p-4" data-testid="highlight-item">
      <blockquote
        className="border-l-4 pl-3 leading-relaxed whitespace-pre-wrap text-fg"
        style={{ borderColor: h.color ? SWATCH_COLORS[h.color] : undefined }}
      >
        {h.exact}
      </blockquote>
      {h.note ? (
        <p className="mt-2 text-sm whitespace-pre-wrap text-muted">
          <span className="font-medium text-fg">笔记：</span>
          {h.note}
        </p>
      ) : null}
      <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        {h.color ? <span>{COLOR_NAMES[h.color]}</span> : null}
        <time dateTime={h.createdAt}>{formatDate(h.createdAt, timeZone)}</time>
        {articleTitle !== undefined ? (
          articleTitle ? (
            <Link href={placeHref(h)} className="text-accent hover:underline">
              《{articleTitle}》中的位置
            </Link>
          ) : (
            <span>原文已下线（{h.slug}）</span>
          )
        ) : (
          <Link
            href={placeHref(h)}
            className="text-accent hover:underline"
            aria-label={`在原文中查看：${(h.exact ?? '').slice(0, 20)}`}
          >
            在原文中查看
          </Link>
        )}
        <HighlightDeleteButton id={h.id} label={(h.exact ?? '').slice(0, 20)} />
      </p>
    </li>
  );
}

function ArticleGroup({ group, timeZone }: { group: ArticleHighlights; timeZone: string }) {
  const { article, note, passages } = group;
  return (
    <section className="rounded-lg border border-line p-4" aria-labelledby={`group-${article.slug}`}>
      <h2 id={`group-${article.slug}`} className="text-lg font-bold">
        {article.title ? (
          <Link href={articlePath(article.slug)} className="hover:text-accent">
            {article.title}
          </Link>
        ) : (
          <span>原文已下线（{article.slug}）</span>
        )}
      </h2>
      <p className="mt-1 text-xs text-muted">
        {passages.length} 条划线{note ? '，1 条本文笔记' : ''}
        {article.title ? (
          <>
            {' · '}
            <a
              href={`/api/highlights/export?format=md&slug=${encodeURIComponent(article.slug)}`}
              download
              className="text-accent hover:underline"
            >
              导出本文 Markdown
            </a>
          </>
        ) : null}
      </p>
      {note?.note ? (
        <p className="mt-3 rounded-md bg-surface p-3 text-sm whitespace-pre-wrap">
          <span className="font-medium">本文笔记：</span>
          {note.note}
        </p>
      ) : null}
      {passages.length > 0 ? (
        <ol className="mt-3 flex flex-col gap-3">
          {passages.map((h) => (
            <Passage key={h.id} h={h} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

export default async function HighlightsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Fhighlights');
  const filters = readFilters(await searchParams);
  const filter = { q: filters.q, color: filters.color };
  const db = await getDb();
  const index = getContentIndex();
  const { timeZone } = getConfig();
  const titleOf = (slug: string) => index.getMeta(slug)?.title ?? null;
  const filtered = Boolean(searchTerms(filters.q).length || filters.color);

  let total: number;
  let page: number;
  let pageCount: number;
  let body: React.ReactNode;
  if (filters.view === 'article') {
    const groups = groupByArticle(await allHighlights(db, user.id, filter), (slug) => ({
      slug,
      title: titleOf(slug),
      author: null,
      url: null,
    }));
    total = groups.reduce((n, g) => n + g.passages.length + (g.note ? 1 : 0), 0);
    pageCount = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
    page = Math.min(filters.page, pageCount);
    body = (
      <div className="flex flex-col gap-6">
        {groups.slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE).map((g) => (
          <ArticleGroup key={g.article.slug} group={g} timeZone={timeZone} />
        ))}
      </div>
    );
  } else {
    const result = await listHighlights(db, user.id, filter, filters.page);
    total = result.total;
    page = result.page;
    pageCount = result.pageCount;
    body = (
      <ol className="flex flex-col gap-4">
        {result.items.map((h) =>
          h.exact === null ? (
            <li key={h.id} className="rounded-md border border-line p-4" data-testid="highlight-item">
              <p className="text-sm whitespace-pre-wrap">
                <span className="font-medium">本文笔记：</span>
                {h.note}
              </p>
              <p className="mt-3 text-xs text-muted">
                {titleOf(h.slug) ? (
                  <Link href={articlePath(h.slug)} className="text-accent hover:underline">
                    《{titleOf(h.slug)}》
                  </Link>
                ) : (
                  <span>原文已下线（{h.slug}）</span>
                )}{' '}
                <HighlightDeleteButton id={h.id} label={`《${titleOf(h.slug) ?? h.slug}》的本文笔记`} />
              </p>
            </li>
          ) : (
            <Passage key={h.id} h={h} timeZone={timeZone} articleTitle={titleOf(h.slug)} />
          ),
        )}
      </ol>
    );
  }

  const field = 'h-10 rounded-md border border-line bg-bg px-3 text-fg';
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-fg">我的划线</h1>
        <p className="text-sm text-muted" role="status">
          {filtered ? `找到 ${total} 条` : `共 ${total} 条`}
          {pageCount > 1 ? `，第 ${page} / ${pageCount} 页` : ''}
        </p>
      </div>
      <form
        method="get"
        action="/highlights"
        role="search"
        aria-label="筛选划线"
        className="mt-6 flex flex-wrap items-end gap-3"
      >
        <label className="flex min-w-0 grow flex-col gap-1 text-sm">
          <span>搜索划线和笔记</span>
          <input type="search" name="q" defaultValue={filters.q} maxLength={200} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>颜色</span>
          <select name="color" defaultValue={filters.color ?? ''} className={field}>
            <option value="">全部颜色</option>
            {highlightColors.map((c) => (
              <option key={c} value={c}>
                {COLOR_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>排列</span>
          <select name="view" defaultValue={filters.view} className={field}>
            <option value="time">按时间（最新在前）</option>
            <option value="article">按文章</option>
          </select>
        </label>
        <button type="submit" className="h-10 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg">
          筛选
        </button>
      </form>
      <p className="mt-4 flex flex-wrap gap-3 text-sm">
        <a href="/api/highlights/export?format=md" download className="text-accent hover:underline">
          导出全部（Markdown，每篇文章一个文件，zip）
        </a>
        <a href="/api/highlights/export?format=json" download className="text-accent hover:underline">
          导出全部（JSON）
        </a>
      </p>
      <div className="mt-6">
        {total === 0 ? (
          <div className="rounded-md border border-dashed border-line px-6 py-12 text-center text-muted">
            {filtered ? (
              <p>没有符合条件的划线或笔记。</p>
            ) : (
              <p>还没有划线。读文章时选中一段文字，点颜色即可划线；选中后按 H 也可以。</p>
            )}
            <Link href={filtered ? '/highlights' : '/'} className="mt-4 inline-block text-accent hover:underline">
              {filtered ? '显示全部划线' : '去首页看看'}
            </Link>
          </div>
        ) : (
          body
        )}
      </div>
      <Pagination page={page} totalPages={pageCount} href={(p) => hrefFor(filters, p)} />
    </div>
  );
}
