// One walk over the sanitized tree: table of contents, excerpt, length and the first picture.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { BLOCK_ELEMENTS, hasClass, normalizeSpace } from './hast-helpers';
import { MARK } from './markers';
import { countReadableChars, EXCERPT_MAX, makeExcerpt, readingMinutes } from './text-stats';
import type { ArticleAnalysis, ImageInfo, TocEntry } from './types';

/** Stop gathering paragraphs once there is comfortably more than an excerpt needs. */
const EXCERPT_GATHER = EXCERPT_MAX * 2;

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function imageInfo(img: Element): ImageInfo | null {
  const { src, width, height, alt } = img.properties;
  if (typeof src !== 'string' || !src) return null;
  return { src, width: numberOrNull(width), height: numberOrNull(height), alt: typeof alt === 'string' ? alt : '' };
}

/** A paragraph of the article's own prose, as opposed to a source note or an orphaned caption. */
function isProse(node: Element): boolean {
  return node.tagName === 'p' && !hasClass(node, MARK.sourceRemark) && !hasClass(node, MARK.imageNote);
}

export function analyzeTree(tree: Root): ArticleAnalysis {
  const toc: TocEntry[] = [];
  const text: string[] = [];
  const paragraphs: string[] = [];
  let gathered = 0;
  let firstImage: ImageInfo | null = null;
  /** How many paragraphs came before Hexo's `<!-- more -->`, when the body has one. */
  let beforeMore: number | null = null;

  const walk = (node: RootContent | ElementContent, excerpt: string[] | null): void => {
    if (node.type === 'text') {
      text.push(node.value);
      excerpt?.push(node.value);
      return;
    }
    if (node.type !== 'element') return;
    // The permalink's "#" is decoration, not text of the article.
    if (hasClass(node, MARK.headingAnchor)) return;
    if (hasClass(node, MARK.more)) {
      beforeMore ??= paragraphs.length;
      return;
    }
    if (node.tagName === 'img' && !firstImage) firstImage = imageInfo(node);
    if (node.tagName === 'h2' && typeof node.properties.id === 'string') {
      toc.push({ id: node.properties.id, text: normalizeSpace(toString(node)) });
    }
    const block = BLOCK_ELEMENTS.has(node.tagName);
    if (block) text.push('\n');

    let inner = excerpt;
    if (hasClass(node, MARK.sourceRemark)) inner = null;
    const ownParagraph = excerpt === null && gathered < EXCERPT_GATHER && isProse(node) ? ([] as string[]) : null;
    if (ownParagraph) inner = ownParagraph;

    for (const child of node.children) walk(child, inner);

    if (ownParagraph) {
      const paragraph = normalizeSpace(ownParagraph.join(''));
      if (paragraph) {
        paragraphs.push(paragraph);
        gathered += paragraph.length;
      }
    }
    if (block) text.push('\n');
  };

  for (const child of tree.children) walk(child, null);

  const allText = text.join('');
  const charCount = countReadableChars(allText);
  // A body with no plain paragraph (all lists, say) still gets an excerpt from whatever text it has.
  const lead = beforeMore !== null && beforeMore > 0 ? paragraphs.slice(0, beforeMore) : paragraphs;
  const excerpt = makeExcerpt(lead.length > 0 ? lead : [normalizeSpace(allText)]);
  return { toc, excerpt, charCount, readingMinutes: readingMinutes(charCount), firstImage };
}
