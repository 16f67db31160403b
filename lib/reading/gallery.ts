// The arithmetic behind the full-size image viewer: moving through an article's pictures and reading a swipe.

/** The picture `delta` steps from `index` among `count`, wrapping around at either end. */
export function stepIndex(index: number, count: number, delta: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}

/** A horizontal drag shorter than this is a tap or a wobble, not a swipe (CSS pixels). */
export const SWIPE_MIN_DISTANCE = 50;

/**
 * The step a finger's drag asks for: a leftward swipe shows the next picture (+1), a rightward one the
 * previous (-1). Mostly vertical drags (scrolling a tall picture, or closing gestures) are not swipes (0).
 */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}

/** What the browser knows about a picture: done, and nothing to show, means it failed (404, hotlink refused, not an image). */
export function isBrokenImage(img: { complete: boolean; naturalWidth: number }): boolean {
  return img.complete && img.naturalWidth === 0;
}
