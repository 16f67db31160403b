// <img>: pick the real address from the source's lazy-loading attributes, size it, and set loading hints.
import type { Element, Properties, Root } from 'hast';
import type { Plugin } from 'unified';
import { walkElements } from './hast-helpers';
import { imageUrl } from './safe-url';

/** Larger than any real picture; a bigger number is junk that would reserve a huge box. */
const MAX_DIMENSION = 20_000;

function dimension(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d+(?:\.\d+)?)(?:px)?$/i.exec(text);
  if (!match) return null;
  const n = Math.round(Number(match[1]));
  return n > 0 && n <= MAX_DIMENSION ? n : null;
}

function imageSource(props: Properties): string | null {
  // The source keeps a placeholder or nothing in `src` and the real address in `_src`/`data-src`.
  for (const candidate of [props.src, props._src, props.dataSrc]) {
    const url = imageUrl(candidate);
    if (url) return url;
  }
  return null;
}

function imageProperties(node: Element, src: string, isFirst: boolean): Properties {
  const props = node.properties;
  const width = dimension(props.dataW) ?? dimension(props.width);
  const height = dimension(props.dataH) ?? dimension(props.height);
  const next: Properties = {
    src,
    alt: typeof props.alt === 'string' ? props.alt.trim() : '',
    referrerPolicy: 'no-referrer',
  };
  // One dimension alone cannot reserve the right box, so it is better to give none.
  if (width !== null && height !== null) {
    next.width = width;
    next.height = height;
  }
  if (isFirst) {
    next.fetchPriority = 'high';
  } else {
    next.loading = 'lazy';
    next.decoding = 'async';
  }
  if (typeof props.title === 'string' && props.title.trim()) next.title = props.title.trim();
  return next;
}

export const rehypeArticleImages: Plugin<[], Root> = function () {
  return (tree) => {
    let seen = 0;
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== 'img') return;
      const src = imageSource(node.properties);
      if (!src) {
        parent.children.splice(index, 1);
        return index;
      }
      // Rebuilt from scratch: classes like `lazyImg`, inline styles, srcset and handlers never carry over.
      node.properties = imageProperties(node, src, seen === 0);
      seen++;
    });
  };
};
