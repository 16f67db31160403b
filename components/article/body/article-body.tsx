// The article's body as React, rendered on the server from the sanitized tree: no client JavaScript to
// read it. The last step of the pipeline (lib/render/pipeline.ts) is rehype-react with our components.
import type { Root } from 'hast';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import rehypeReact from 'rehype-react';
import { unified } from 'unified';
import type { BodyFormat } from '@/lib/render/body-format';
import { renderArticleTree } from '@/lib/render/pipeline';
import { articleComponents } from './article-components';

const toReact = unified().use(rehypeReact, { Fragment, jsx, jsxs, components: articleComponents }).freeze();

/**
 * Pass the raw (untrusted) `body` in its `format` (HTML unless said), or a `tree` you already got from
 * `renderArticleTree` when the page also needs its analysis. Renders the blocks without a wrapper: put
 * it inside `.prose-article`.
 */
export type ArticleBodyProps =
  { body: string; format?: BodyFormat; tree?: never } | { tree: Root; body?: never; format?: never };

export function ArticleBody(props: ArticleBodyProps) {
  const tree = props.tree ?? renderArticleTree(props.body, props.format ?? 'html').tree;
  return toReact.stringify(tree);
}
