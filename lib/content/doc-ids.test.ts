import { describe, expect, it } from 'vitest';
import { firstIdOfSecond, publishedBound, SLOTS_PER_SECOND } from './doc-ids';

describe('document numbers by publication time', () => {
  const at = Date.UTC(2030, 0, 1, 0, 0, 0);
  it('counts an article dated on the second as published from that instant, not a millisecond before', () => {
    expect(firstIdOfSecond(at)).toBeLessThan(publishedBound(at));
    expect(firstIdOfSecond(at)).toBeGreaterThanOrEqual(publishedBound(at - 1));
  });

  it('never shows an article dated inside a second early', () => {
    const id = firstIdOfSecond(at + 500);
    expect(id).toBeGreaterThanOrEqual(publishedBound(at + 499));
    expect(id).toBeGreaterThanOrEqual(publishedBound(at + 999));
    expect(id).toBeLessThan(publishedBound(at + 1000));
  });

  it('keeps numbers exact and ordered for dates far apart, before 1970 too', () => {
    const ids = [Date.UTC(1969, 5, 1), Date.UTC(2000, 0, 1), Date.UTC(2200, 0, 1)].map(firstIdOfSecond);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) expect(Number.isSafeInteger(id + SLOTS_PER_SECOND - 1)).toBe(true);
  });
});
