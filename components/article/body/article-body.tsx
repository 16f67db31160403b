// The article's body as React, rendered on the server from the sanitized tree: no client JavaScript to read it.
import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderArticleTree } from '@/lib/render/pipeline';
import { articleComponents } from './article-components';

/**
 * Pass the raw (untrusted) `html`, or a `tree` you already got from `renderArticleTree` when the
 * page also needs its analysis. Renders the blocks without a wrapper: put it inside `.prose-article`.
 */
export type ArticleBodyProps = { html: string; tree?: never } | { tree: Root; html?: never };

export function ArticleBody(props: ArticleBodyProps) {
  const tree = props.tree ?? renderArticleTree(props.html).tree;
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: articleComponents });
}
