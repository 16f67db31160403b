// Browser-side pieces of 划线与笔记 that hold no React state: the CSS Custom Highlight registry (painting without
// touching the DOM), where a range sits on the page (for the toolbar), and the link that opens a passage.
import type { Highlight } from '@/lib/accounts/api-types';
import { anchorText } from '@/lib/reading/anchoring';
import { highlightColors } from '@/lib/reading/highlight-colors';
import type { TextIndex } from '@/lib/reading/text-index';

export type Box = { top: number; bottom: number; left: number };
export type ToolbarPlace =
  { kind: 'new'; start: number; end: number; box: Box } | { kind: 'existing'; id: string; box: Box };

export const PAINT_NAMES = [...highlightColors.map((c) => `hl-${c}`), 'hl-noted', 'hl-flash'];

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
export function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
    ? css.highlights
    : null;
}
export function paint(name: string, ranges: Range[]): void {
  const HighlightClass = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
  registry()?.set(name, new HighlightClass(...ranges));
}

export function pageBox(range: Range): Box | null {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const first = rects[0] ?? last;
  if (!last || (last.width === 0 && last.height === 0)) return null;
  return { top: first.top + scrollY, bottom: last.bottom + scrollY, left: Math.min(first.left, last.left) + scrollX };
}

/** A link that opens the article scrolled to the passage (URL text fragments), for sharing. */
export function passageLink(url: string, exact: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const text = exact.replace(/\s+/g, ' ').trim();
  const fragment = text.length <= 300 ? enc(text) : `${enc(text.slice(0, 40))},${enc(text.slice(-40))}`;
  return `${url}#:~:text=${fragment}`;
}

export type Anchors = Map<string, { start: number; end: number } | null>;

/** Finds every passage in the body's text; timed (User Timing) for the bench and for field measurements. */
export function anchorPassages(index: TextIndex | null, passages: readonly Highlight[]): Anchors {
  const began = performance.now();
  const found: Anchors = new Map();
  for (const h of passages) {
    const anchor =
      index && h.exact !== null
        ? anchorText(index.text, {
            exact: h.exact,
            prefix: h.prefix ?? '',
            suffix: h.suffix ?? '',
            start: h.start ?? 0,
            end: h.end ?? 0,
          })
        : null;
    found.set(h.id, anchor ? { start: anchor.start, end: anchor.end } : null);
  }
  if (passages.length > 0) performance.measure('hutong:highlights-anchor', { start: began });
  return found;
}
