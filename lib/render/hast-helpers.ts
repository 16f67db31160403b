// Small predicates over hast nodes shared by the transforms.
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { STRIPPED_TAGS } from './schema';

/** Whitespace as it appears between tags in scraped HTML, including no-break and ideographic spaces. */
const BLANK = /^[\s\u00a0\u3000\u200b\ufeff]*$/;

export function isElement(node: Nodes | RootContent | undefined | null, ...tagNames: string[]): node is Element {
  return !!node && node.type === 'element' && (tagNames.length === 0 || tagNames.includes(node.tagName));
}

export function classList(element: Element): string[] {
  // Typed as a list, but a hand-built node may still carry the attribute's raw string.
  const value: unknown = element.properties.className;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

export function hasClass(element: Element, name: string): boolean {
  return classList(element).includes(name);
}

/** The source marks its blocks with a Chinese `label` attribute as well as a class. */
export function hasLabel(element: Element, label: string): boolean {
  return element.properties.label === label;
}

/** Text or comment that a reader would never see. */
export function isBlank(node: RootContent | ElementContent): boolean {
  if (node.type === 'comment' || node.type === 'doctype') return true;
  return node.type === 'text' && BLANK.test(node.value);
}

/** Children that carry content: not whitespace, comments or `<br>`. */
export function meaningfulChildren(element: {
  children: Array<RootContent | ElementContent>;
}): Array<RootContent | ElementContent> {
  return element.children.filter((child) => !isBlank(child) && !isElement(child, 'br'));
}

const HIDDEN = new Set(STRIPPED_TAGS);

/**
 * The text a reader will see, for transforms that run before the sanitizer: a heading's or a
 * caption's words without the code of a `<script>` or `<style>` the sanitizer is about to drop.
 */
export function readableText(node: Element | Root): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element' && !HIDDEN.has(child.tagName)) text += readableText(child);
  }
  return text;
}

/** Collapse runs of whitespace (including CJK spaces) into one space and trim. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Remove `<br>`s and blank text at both ends (the source ends captions with a stray `<br>`). */
export function trimEdges(children: ElementContent[]): ElementContent[] {
  let start = 0;
  let end = children.length;
  const edge = (node: ElementContent) => isBlank(node) || isElement(node, 'br');
  while (start < end && edge(children[start]!)) start++;
  while (end > start && edge(children[end - 1]!)) end--;
  return children.slice(start, end);
}

export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** Returned by a walker to leave the node's children unvisited. */
/**
 * Elements whose text stands apart from its neighbours' (a line of its own): what the analysis and the
 * search text insert line breaks around, so words in neighbouring paragraphs never run together.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'br',
  'hr',
  'ul',
  'ol',
]);

export const SKIP = 'skip';

/** `undefined` to go on into the children, `SKIP` to pass over them, or the index to visit next (after removing nodes). */
export type WalkResult = void | typeof SKIP | number;

/**
 * Depth-first, pre-order walk over elements. A plain loop instead of unist-util-visit: each
 * transform walks the whole body and this runs on every article at index time, where the
 * generic visitor costs more than the transforms themselves.
 */
export function walkElements(
  parent: Root | Element,
  visitor: (node: Element, index: number, parent: Root | Element) => WalkResult,
): void {
  let index = 0;
  while (index < parent.children.length) {
    const child = parent.children[index]!;
    if (child.type !== 'element') {
      index++;
      continue;
    }
    const result = visitor(child, index, parent);
    if (typeof result === 'number') {
      index = result;
      continue;
    }
    // The visitor may have put a new node in this place; descend into whatever is there now.
    const current = parent.children[index];
    if (result !== SKIP && current?.type === 'element') walkElements(current, visitor);
    index++;
  }
}
