// The article body's text as a reader sees it, with a map back to the DOM: character offsets (what the
// highlight selectors of lib/reading/anchoring.ts count) ↔ Ranges (what the browser selects and paints).
// Text a sighted reader does not see (screen-reader hints such as "（在新标签页打开）", hidden elements)
// is left out, so a highlight's quote is what was on screen. Browser-only.

/** Text under these is not part of what a reader highlights. */
const SKIP = '.sr-only,.heading-anchor,[aria-hidden="true"],[hidden],script,style,noscript,template,button';

export type TextIndex = {
  root: Element;
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i]'s first character in `text`. */
  starts: number[];
};

export function buildTextIndex(root: Element): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      const hidden = parent?.closest(SKIP);
      return hidden && root.contains(hidden) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length === 0) continue;
    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
  }
  return { root, text: parts.join(''), nodes, starts };
}

/** Index of the last node starting at or before `offset`. */
function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The offset of a DOM boundary point; a point in left-out text counts as the start of the next counted text. */
function offsetOf(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = index.nodes.indexOf(container as Text);
    if (i !== -1) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  const point = container.ownerDocument!.createRange();
  point.setStart(container, offset);
  // First counted node at or after the point (nodes are in document order).
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(index.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}

/** The offsets of a range, clipped to the body; null when it does not touch counted text. */
export function rangeOffsets(index: TextIndex, range: Range): { start: number; end: number } | null {
  if (index.nodes.length === 0) return null;
  const scope = index.root.ownerDocument.createRange();
  scope.selectNodeContents(index.root);
  const start =
    range.compareBoundaryPoints(Range.START_TO_START, scope) < 0
      ? 0
      : offsetOf(index, range.startContainer, range.startOffset);
  const end =
    range.compareBoundaryPoints(Range.END_TO_END, scope) > 0
      ? index.text.length
      : offsetOf(index, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** Trims white space off both ends of [start, end), so a sloppy selection keeps only its words. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** A DOM Range for text[start, end). */
export function offsetsRange(index: TextIndex, start: number, end: number): Range | null {
  if (index.nodes.length === 0 || start < 0 || end > index.text.length || end <= start) return null;
  const range = index.root.ownerDocument.createRange();
  const a = nodeAt(index, start);
  // The end is exclusive: place it in the node holding its last character.
  const b = nodeAt(index, end - 1);
  range.setStart(index.nodes[a]!, start - index.starts[a]!);
  range.setEnd(index.nodes[b]!, end - index.starts[b]!);
  return range;
}

/** The text offset under a point on screen, or null outside counted text. */
export function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  const doc = index.root.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    if (p) [node, offset] = [p.offsetNode, p.offset];
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const i = index.nodes.indexOf(node as Text);
  return i === -1 ? null : index.starts[i]! + offset;
}
