import { describe, expect, it } from 'vitest';
import { isBrokenImage, stepIndex, SWIPE_MIN_DISTANCE, swipeStep } from './gallery';

describe('stepIndex', () => {
  it('moves forward and back, wrapping around at both ends', () => {
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(1, 3, -1)).toBe(0);
  });

  it('stays put with one picture and does not divide by zero with none', () => {
    expect(stepIndex(0, 1, 1)).toBe(0);
    expect(stepIndex(0, 1, -1)).toBe(0);
    expect(stepIndex(0, 0, 1)).toBe(0);
  });
});

describe('swipeStep', () => {
  it('reads a leftward swipe as next and a rightward one as previous', () => {
    expect(swipeStep(-120, 10)).toBe(1);
    expect(swipeStep(120, -10)).toBe(-1);
  });

  it('ignores taps, short wobbles and mostly vertical drags', () => {
    expect(swipeStep(0, 0)).toBe(0);
    expect(swipeStep(SWIPE_MIN_DISTANCE - 1, 0)).toBe(0);
    expect(swipeStep(-80, 200)).toBe(0);
    expect(swipeStep(SWIPE_MIN_DISTANCE, 0)).toBe(-1);
  });
});

describe('isBrokenImage', () => {
  it('is a finished load with no picture, not one still loading or one that arrived', () => {
    expect(isBrokenImage({ complete: true, naturalWidth: 0 })).toBe(true);
    expect(isBrokenImage({ complete: false, naturalWidth: 0 })).toBe(false);
    expect(isBrokenImage({ complete: true, naturalWidth: 800 })).toBe(false);
  });
});
