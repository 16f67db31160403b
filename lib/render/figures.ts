// An image paragraph and the 图片备注 caption after it become one <figure>; a caption without its image stays readable.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import {
  element,
  hasClass,
  hasLabel,
  isBlank,
  isElement,
  meaningfulChildren,
  normalizeSpace,
  readableText,
  trimEdges,
} from './hast-helpers';
import { MARK } from './markers';

type Parent = Root | Element;

/** Containers whose direct `<img>` children are blocks of their own, not inline pictures in a sentence. */
const BLOCK_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'center']);

function isCaption(node: Element): boolean {
  return hasLabel(node, '图片备注') || hasClass(node, 'text-img-note');
}

/** An `<img>`, or a link around exactly one `<img>`. */
function isPicture(node: RootContent | ElementContent): boolean {
  if (isElement(node, 'img')) return true;
  if (!isElement(node, 'a')) return false;
  const inner = meaningfulChildren(node);
  return inner.length === 1 && isElement(inner[0], 'img');
}

/** The pictures an image block holds, or null when the node is not an image block. */
function imageBlock(node: RootContent | ElementContent, parent: Parent): Element[] | null {
  if (node.type !== 'element') return null;
  const bareAllowed = parent.type === 'root' || BLOCK_CONTAINERS.has(parent.tagName);
  if (isPicture(node)) return bareAllowed ? [node] : null;
  if (node.tagName !== 'p' && node.tagName !== 'div') return null;
  const inner = meaningfulChildren(node);
  return inner.length > 0 && inner.every(isPicture) ? (inner as Element[]) : null;
}

function imagesIn(picture: Element): Element {
  return isElement(picture, 'img') ? picture : (meaningfulChildren(picture)[0] as Element);
}

function figure(pictures: Element[], caption: Element | null): Element {
  const captionChildren = caption ? trimEdges(caption.children) : [];
  const captionText = normalizeSpace(readableText({ type: 'root', children: captionChildren }));
  // The caption describes a lone picture better than anything the source put in alt;
  // with several pictures it describes the group, so each keeps its own alt.
  if (pictures.length === 1 && captionText) imagesIn(pictures[0]!).properties.alt = captionText;
  const children: ElementContent[] = [...pictures];
  if (captionText) children.push(element('figcaption', {}, captionChildren));
  return element('figure', {}, children);
}

function rebuild(parent: Parent): void {
  const source = parent.children as Array<RootContent | ElementContent>;
  const out: Array<RootContent | ElementContent> = [];
  for (let i = 0; i < source.length; i++) {
    const node = source[i]!;
    const pictures = imageBlock(node, parent);
    if (pictures) {
      let j = i + 1;
      while (j < source.length && isBlank(source[j]!)) j++;
      const next = source[j];
      const caption = next?.type === 'element' && isCaption(next) ? next : null;
      if (caption) i = j;
      out.push(figure(pictures, caption));
      continue;
    }
    if (node.type === 'element' && isCaption(node)) {
      const children = trimEdges(node.children);
      if (children.length > 0) out.push(element('p', { className: [MARK.imageNote] }, children));
      continue;
    }
    if (node.type === 'element' && node.tagName !== 'figure') rebuild(node);
    out.push(node);
  }
  parent.children = out as typeof parent.children;
}

export const rehypeFigures: Plugin<[], Root> = function () {
  return (tree) => {
    rebuild(tree);
  };
};
