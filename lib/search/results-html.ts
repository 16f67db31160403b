// The body of /search as one HTML string: the count, the hits with their titles and snippets marked, and
// the pager. One renderer for both ways a result page is made: the App Router page puts the string in
// the results region (components/search/search-results-region.tsx), and `npm start` puts it into the
// page's cached shell for a document request (server/search-include.mjs, through /search/results).
// A string, not React elements: a result page as elements cost the App Router ~6 ms of main thread per
// request (~110 pages a second on 2 cores), the same results as a string from a route ~1 ms (~650).
// hast builds it, so every character of a title, a snippet or the query is escaped by hast-util-to-html.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { archivePath } from '@/lib/content/archive';
import { pagerWindow } from '@/lib/content/paginate';
import { articlePath, categoriesPath, categoryPath } from '@/lib/content/paths';
import { formatDay } from '@/lib/format/date';
import type { SearchPage } from './run-query';
import { searchPath } from './search-path';
import type { TextSegment } from './snippet';

const LINK = 'mx-1 text-accent underline underline-offset-2 hover:decoration-2';
const PAGER_ITEM = 'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-3';

/** Text with its matches in <mark>. */
function highlighted(segments: TextSegment[]): ElementContent[] {
  return segments.map((s) =>
    s.hit
      ? h('mark', { className: 'rounded-sm bg-accent/15 px-0.5 text-inherit' }, s.text)
      : { type: 'text', value: s.text },
  );
}

/** The pager of the site's listings (components/listings/pagination.tsx), for search addresses. */
export function pagerTree(page: number, totalPages: number, href: (page: number) => string): Element | null {
  if (totalPages <= 1) return null;
  const items = pagerWindow(page, totalPages).map((p) =>
    p === 0
      ? h('li', { ariaHidden: 'true', className: 'px-1 text-muted' }, '…')
      : h(
          'li',
          p === page
            ? h('span', { ariaCurrent: 'page', className: `${PAGER_ITEM} bg-accent font-semibold text-accent-fg` }, [
                h('span', { className: 'sr-only' }, '第 '),
                String(p),
                h('span', { className: 'sr-only' }, ' 页'),
              ])
            : h(
                'a',
                { href: href(p), className: `${PAGER_ITEM} hover:bg-surface`, ariaLabel: `第 ${p} 页` },
                String(p),
              ),
        ),
  );
  return h('nav', { ariaLabel: '分页', className: 'mt-10 flex flex-wrap items-center justify-center gap-1 text-sm' }, [
    page > 1
      ? h('a', { href: href(page - 1), rel: 'prev', className: `${PAGER_ITEM} hover:bg-surface` }, '← 上一页')
      : null,
    h('ol', { className: 'flex flex-wrap items-center gap-1' }, items),
    page < totalPages
      ? h('a', { href: href(page + 1), rel: 'next', className: `${PAGER_ITEM} hover:bg-surface` }, '下一页 →')
      : null,
  ]);
}

function hitTree(hit: SearchPage['hits'][number], timeZone: string): Element {
  const { article } = hit;
  return h('li', { className: 'border-b border-line py-5' }, [
    h(
      'h2',
      { className: 'text-lg leading-snug font-bold' },
      h('a', { href: articlePath(article.slug), className: 'text-fg hover:text-accent' }, highlighted(hit.title)),
    ),
    hit.snippet.length > 0
      ? h('p', { className: 'mt-2 text-[0.95rem] leading-relaxed text-muted' }, highlighted(hit.snippet))
      : null,
    h('p', { className: 'mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted' }, [
      h('time', { dateTime: article.date }, formatDay(article.date, timeZone)),
      article.author ? h('span', article.author) : null,
      ...article.categories.map((c) =>
        h('a', { href: categoryPath(c), className: 'rounded bg-surface px-1.5 text-[0.8rem] hover:text-fg' }, c),
      ),
    ]),
  ]);
}

function resultsTree(result: SearchPage, timeZone: string): Element {
  const { query, total, more, page, totalPages, hits } = result;
  if (!query) {
    return h('div', { className: 'py-12 text-center' }, [
      h('p', { className: 'text-lg' }, '输入关键词，搜索全站文章。'),
      h(
        'p',
        { className: 'mt-2 text-sm text-muted' },
        '支持中文词语、词语片段（如“互联”）和英文单词；多个词用空格隔开。',
      ),
    ]);
  }
  const count =
    total === 0
      ? [`没有找到与「${query}」相关的文章。`]
      : [
          '找到 ',
          h('strong', { className: 'font-semibold text-fg' }, more ? `${total} 多` : String(total)),
          ` 篇与「${query}」相关的文章${totalPages > 1 ? `，第 ${page} / ${totalPages} 页` : ''}。`,
        ];
  return h('div', [
    h('p', { role: 'status', className: 'border-b border-line pb-4 text-sm text-muted' }, count),
    result.partial
      ? h(
          'p',
          { className: 'mt-4 rounded-md bg-surface px-3 py-2 text-sm' },
          '没有文章同时包含所有词语，下面的结果只包含其中一部分。',
        )
      : null,
    total === 0
      ? h('div', { className: 'py-10 text-center' }, [
          h('p', { className: 'text-lg' }, '换个关键词试试？'),
          h('p', { className: 'mt-3 text-sm text-muted' }, [
            '可以换个说法、少输入几个词，或者去',
            h('a', { href: categoriesPath(), className: LINK }, '分类'),
            '和',
            h('a', { href: archivePath(), className: LINK }, '归档'),
            '里逛逛。',
          ]),
        ])
      : h(
          'ol',
          { className: 'mt-2', ariaLabel: '搜索结果' },
          hits.map((hit) => hitTree(hit, timeZone)),
        ),
    pagerTree(page, totalPages, (p) => searchPath(query, p)),
  ]);
}

/** The results region's HTML for one page of results. */
export function searchResultsHtml(result: SearchPage, timeZone: string): string {
  return toHtml(resultsTree(result, timeZone), { characterReferences: { useNamedReferences: true } });
}

/** The title of a result page (the site's name is added by the root layout's title template). */
export function searchTitle(query: string): string {
  const q = query.trim();
  return q ? `搜索：${q}` : '搜索';
}

/** The whole document title of a result page, as the root layout's template `%s · site` makes it. */
export function searchDocumentTitle(query: string, siteName: string): string {
  return `${searchTitle(query)} · ${siteName}`;
}

/** One result page as a page's shell takes it (server/search-include.mjs): its results region and names. */
export type ResultsAnswer = {
  /** The results region's HTML (searchResultsHtml). */
  html: string;
  /** The document title (searchDocumentTitle). */
  title: string;
  /** Which result page this is (searchPath), as the region names what it shows (data-address). */
  address: string;
};

/** The results region, document title and address of one result page of `query`. */
export function resultsAnswer(
  result: SearchPage,
  query: string,
  page: number,
  { timeZone, siteName }: { timeZone: string; siteName: string },
): ResultsAnswer {
  return {
    html: searchResultsHtml(result, timeZone),
    title: searchDocumentTitle(query, siteName),
    address: searchPath(query, page),
  };
}
