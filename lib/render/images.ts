// <img>: pick the real address from the source's lazy-loading attributes (never a placeholder), size it,
// and set loading hints.
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

/**
 * Lazy-loading attributes real sources put the real address in, most specific first: Huxiu's `_src`,
 * and the data-src / data-original / data-actualsrc / data-lazy-src that jQuery lazyload, WeChat and
 * Zhihu write, while `src` holds a placeholder.
 */
const LAZY_ATTRIBUTES = [
  '_src',
  'dataSrc',
  'dataOriginal',
  'dataActualsrc',
  'dataLazySrc',
  'dataOriginalSrc',
  'dataUrl',
];

/** A `src` that only holds the place of the real picture: a data: URI, a 1×1 or loading GIF. */
function isPlaceholder(src: unknown): boolean {
  if (typeof src !== 'string') return true;
  const s = src.trim();
  if (s === '' || /^data:/i.test(s) || s === 'about:blank') return true;
  const file = (s.split(/[?#]/, 1)[0] ?? '').split('/').at(-1)?.toLowerCase() ?? '';
  return /^(?:load(?:ing)?(?:img)?|lazy(?:load)?|blank|spacer|pixel|placeholder|grey|gray|transparent|1x1|default)[\w-]*\.(?:gif|png|svg|jpe?g)$/.test(
    file,
  );
}

/** The widest candidate of a srcset ("a.jpg 480w, b.jpg 960w" → b.jpg; densities count as widths ×1000). */
function largestFromSrcset(srcset: unknown): string | null {
  if (typeof srcset !== 'string') return null;
  let best: { url: string; size: number } | null = null;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const n = parseFloat(descriptor);
    const size = descriptor.endsWith('w') ? n : descriptor.endsWith('x') ? n * 1000 : 0;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url ?? null;
}

function imageSource(props: Properties): string | null {
  const lazy = LAZY_ATTRIBUTES.map((key) => props[key]);
  // A real `src` wins; a placeholder one gives way to the lazy attributes and then to srcset.
  const ordered = isPlaceholder(props.src)
    ? [...lazy, largestFromSrcset(props.srcSet ?? props.dataSrcset), props.src]
    : [props.src, ...lazy, largestFromSrcset(props.srcSet ?? props.dataSrcset)];
  for (const candidate of ordered) {
    if (isPlaceholder(candidate)) continue;
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
