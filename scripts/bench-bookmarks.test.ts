import { describe, expect, it } from 'vitest';
import { percentile } from './bench-bookmarks';

describe('bench percentile', () => {
  it('takes the nearest rank, so p95 of 1..100 ms is 95 ms and one slow outlier does not move p50', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(times, 50)).toBe(50);
    expect(percentile(times, 95)).toBe(95);
    expect(percentile([1, 1, 1, 900], 50)).toBe(1);
    expect(percentile([], 95)).toBeNaN();
  });
});
