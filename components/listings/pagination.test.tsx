import { toHtml } from 'hast-util-to-html';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { pagerTree } from '@/lib/search/results-html';
import { searchPath } from '@/lib/search/search-path';
import { Pagination } from './pagination';

describe('the pager of search results', () => {
  // The listings' pager is a React component; the search results' is made by results-html.ts. A reader
  // must not see two pagers: the same HTML for every shape of pager, attributes in any order.
  const normalized = (html: string) =>
    toHtml(unified().use(rehypeParse, { fragment: true }).parse(html)).replace(/\s+/g, ' ');
  const sorted = (html: string) =>
    normalized(html).replace(/<([a-z]+)((?: [a-z-]+="[^"]*")+)>/g, (_, tag: string, attrs: string) => {
      const list = attrs.trim().match(/[a-z-]+="[^"]*"/g) ?? [];
      return `<${tag} ${[...list].sort().join(' ')}>`;
    });

  it.each([
    [1, 1],
    [1, 2],
    [2, 3],
    [5, 12],
    [12, 12],
  ])('page %i of %i', (current, total) => {
    const href = (p: number) => searchPath('胡同 北京', p);
    const react = renderToStaticMarkup(<Pagination page={current} totalPages={total} href={href} />);
    const tree = pagerTree(current, total, href);
    expect(sorted(tree ? toHtml(tree) : '')).toBe(sorted(react));
  });
});
