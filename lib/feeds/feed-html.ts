// An article body as HTML for feed readers: the same sanitized tree the site renders, with every link and
// image made absolute (a reader has no page to resolve "/demo/a.jpg" against) and the "#" permalinks dropped.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { absoluteUrl } from '@/lib/config';
import { hasClass } from '@/lib/render/hast-helpers';
import { MARK } from '@/lib/render/markers';
import type { BodyFormat } from '@/lib/render/body-format';
import { renderArticleTree } from '@/lib/render/pipeline';

const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/** `value` resolved for a reader that only knows the article's own address. */
export function absolutize(value: string, articleUrl: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return trimmed;
  // Site-relative paths belong to the site root, which may itself sit below a path (SITE_URL=https://x/blog).
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return absoluteUrl(trimmed);
  try {
    return new URL(trimmed, articleUrl).href;
  } catch {
    return trimmed;
  }
}

function absolutizeSrcSet(value: string, articleUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return url ? [absolutize(url, articleUrl), ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

function rewrite(children: Array<RootContent | ElementContent>, articleUrl: string): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i] as RootContent | ElementContent;
    if (node.type !== 'element') continue;
    if (hasClass(node, MARK.headingAnchor)) {
      children.splice(i, 1);
      continue;
    }
    rewriteElement(node, articleUrl);
    rewrite(node.children, articleUrl);
  }
}

function rewriteElement(node: Element, articleUrl: string): void {
  const props = node.properties;
  for (const key of URL_PROPERTIES) {
    const value = props[key];
    if (typeof value === 'string') props[key] = absolutize(value, articleUrl);
  }
  const srcSet = props.srcSet;
  if (typeof srcSet === 'string') props.srcSet = absolutizeSrcSet(srcSet, articleUrl);
}

/** Makes every address in a sanitized tree absolute, in place, and removes heading permalinks. */
export function absolutizeTree(tree: Root, articleUrl: string): Root {
  rewrite(tree.children, articleUrl);
  return tree;
}

/** Sanitized, self-contained HTML of an untrusted body, for `content:encoded` and Atom `content`. */
export function feedHtml(body: string, format: BodyFormat, articleUrl: string): string {
  const { tree } = renderArticleTree(body, format);
  return toHtml(absolutizeTree(tree, articleUrl));
}
