import { describe, expect, it } from 'vitest';
import { bodyOffset, readingProgress, scrollYForOffset } from './reading-progress';

// A 900 px window over an article whose body starts 600 px down and is 3,000 px tall.
const box = { viewportHeight: 900, top: 600, height: 3000 };

describe('readingProgress', () => {
  it('runs from the top of the page to the end of the body coming into view', () => {
    expect(readingProgress({ ...box, scrollY: 0 })).toBe(0);
    expect(readingProgress({ ...box, scrollY: 1350 })).toBe(0.5);
    expect(readingProgress({ ...box, scrollY: 2700 })).toBe(1);
    // Related articles and the footer below the body do not count.
    expect(readingProgress({ ...box, scrollY: 3400 })).toBe(1);
  });

  it('is complete at once for a body that fits on the screen', () => {
    expect(readingProgress({ scrollY: 0, viewportHeight: 900, top: 100, height: 500 })).toBe(1);
  });
});

describe('bodyOffset and scrollYForOffset', () => {
  it('has no place while the reader is still above the body', () => {
    expect(bodyOffset({ ...box, scrollY: 0 })).toBeNull();
    expect(bodyOffset({ ...box, scrollY: 600 })).toBeNull();
    expect(bodyOffset({ ...box, scrollY: 600, height: 0 })).toBeNull();
  });

  it('round-trips a place through a fraction of the body', () => {
    const offset = bodyOffset({ ...box, scrollY: 2100 });
    expect(offset).toBe(0.5);
    expect(scrollYForOffset(offset!, box)).toBe(2100);
  });

  it('keeps the place in the text when the body grows (a larger font)', () => {
    const offset = bodyOffset({ ...box, scrollY: 1350 })!;
    expect(scrollYForOffset(offset, { top: 600, height: 3750 })).toBe(1538); // a quarter of the way through, as before
  });

  it('clamps out-of-range offsets into the body', () => {
    expect(scrollYForOffset(2, box)).toBe(3600);
    expect(scrollYForOffset(-1, box)).toBe(600);
  });
});
