// Where the reader is in an article, from plain numbers (scroll offset, viewport and the article body's
// box in page coordinates), so the progress bar and the remembered place agree and can be tested
// without a browser.

export type ArticleBox = {
  /** window.scrollY */
  scrollY: number;
  /** window.innerHeight */
  viewportHeight: number;
  /** The body's top edge in page coordinates (rect.top + scrollY). */
  top: number;
  height: number;
};

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * 0 at the top of the page, 1 once the end of the article body is in view: the title and head image
 * count as reading too, and what follows the text (related articles, the footer) does not.
 */
export function readingProgress({ scrollY, viewportHeight, top, height }: ArticleBox): number {
  const end = top + height - viewportHeight;
  if (end <= 0) return 1;
  return clamp01(scrollY / end);
}

/**
 * How far through the body the top of the viewport is (0–1), or null above the body. Stored as a
 * fraction rather than pixels so the place survives a different font size or screen width.
 */
export function bodyOffset({ scrollY, top, height }: ArticleBox): number | null {
  if (height <= 0 || scrollY <= top) return null;
  return clamp01((scrollY - top) / height);
}

/** The scrollY that puts the viewport's top back at a stored body offset. */
export function scrollYForOffset(offset: number, { top, height }: Pick<ArticleBox, 'top' | 'height'>): number {
  return Math.max(0, Math.round(top + clamp01(offset) * height));
}
