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

function isCaptionMarker(node: Element): boolean {
  return hasLabel(node, '图片备注') || hasClass(node, 'text-img-note');
}

/**
 * A caption after a picture: the source's 图片备注 paragraph (the marker sometimes sits on a <br> inside
 * it), a bare <figcaption> (Markdown authors write one under an image), or a line in italics alone.
 */
function isCaption(node: Element): boolean {
  if (isCaptionMarker(node)) return true;
  if (node.tagName === 'figcaption') return true;
  if (node.tagName !== 'p') return false;
  if (node.children.some((child) => child.type === 'element' && child.tagName === 'br' && isCaptionMarker(child)))
    return true;
  return isItalicLine(node);
}

/** A paragraph that is nothing but one <em>/<i> run: how Markdown authors caption the image above it. */
function isItalicLine(node: Element): boolean {
  const inner = meaningfulChildren(node).filter((child) => !isElement(child, 'br'));
  return (
    inner.length === 1 && isElement(inner[0], 'em', 'i') && normalizeSpace(readableText(inner[0] as Element)) !== ''
  );
}

/** The caption's own content: an italic line's text without its italics. */
function captionContent(caption: Element): ElementContent[] {
  if (caption.tagName === 'p' && isItalicLine(caption)) {
    const run = meaningfulChildren(caption).find((child) => isElement(child, 'em', 'i')) as Element;
    return run.children;
  }
  return caption.children;
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
  // Markdown's ![alt](src "title"): the title is the caption when nothing else is.
  const lone = pictures.length === 1 ? imagesIn(pictures[0]!) : null;
  const title = typeof lone?.properties.title === 'string' ? lone.properties.title.trim() : '';
  const captionChildren = caption
    ? trimEdges(captionContent(caption)).filter(
        (child) => !(child.type === 'element' && child.tagName === 'br' && isCaptionMarker(child)),
      )
    : title
      ? [{ type: 'text' as const, value: title }]
      : [];
  const captionText = normalizeSpace(readableText({ type: 'root', children: captionChildren }));
  if (lone && title && !caption) delete lone.properties.title;
  // A lone picture without alt text of its own is described by its caption; with several pictures
  // the caption describes the group, so each keeps its own alt.
  if (lone && captionText && !(typeof lone.properties.alt === 'string' && lone.properties.alt.trim()))
    lone.properties.alt = captionText;
  const children: ElementContent[] = [...pictures];
  if (captionText) children.push(element('figcaption', {}, captionChildren));
  return element('figure', {}, children);
}

/**
 * `![](a.jpg)` and `*caption*` on the next line make one Markdown paragraph: <p><img>\n<em>…</em></p>.
 * Split it into the picture and the italic line, so the caption pairs up like any other.
 */
function splitPictureAndItalics(node: RootContent | ElementContent): Array<RootContent | ElementContent> {
  if (node.type !== 'element' || node.tagName !== 'p') return [node];
  const inner = meaningfulChildren(node).filter((child) => !isElement(child, 'br'));
  const last = inner.at(-1);
  if (inner.length < 2 || !isElement(last, 'em', 'i') || !inner.slice(0, -1).every(isPicture)) return [node];
  return [element('p', {}, inner.slice(0, -1) as ElementContent[]), element('p', {}, [last as Element])];
}

function rebuild(parent: Parent): void {
  const source = (parent.children as Array<RootContent | ElementContent>).flatMap(splitPictureAndItalics);
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
    // An orphaned caption stays readable as an image note; an italic line on its own is just emphasis.
    if (node.type === 'element' && isCaption(node) && !isItalicLine(node)) {
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
