import { describe, expect, it } from 'vitest';
import { pageCount, pagerWindow, paginate, parsePageSegment } from './paginate';

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => i + 1);

  it('slices pages and counts them', () => {
    expect(paginate(items, 1, 10)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, totalPages: 3, total: 25 });
    expect(paginate(items, 3, 10)?.items).toEqual([21, 22, 23, 24, 25]);
  });

  it('refuses pages past the end so the route can 404', () => {
    expect(paginate(items, 4, 10)).toBeNull();
    expect(paginate(items, 0, 10)).toBeNull();
  });

  it('an empty list still has one (empty) first page', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
  });
});

describe('parsePageSegment', () => {
  it('accepts canonical numbers from 2 up', () => {
    expect(parsePageSegment('2')).toBe(2);
    expect(parsePageSegment('120')).toBe(120);
  });
  it.each(['1', '0', '02', '2.0', '-3', 'abc', '', '9999999'])('rejects %j', (s) => {
    expect(parsePageSegment(s)).toBeNull();
  });
});

describe('pagerWindow', () => {
  it('keeps first, last and neighbours, marking gaps with 0', () => {
    expect(pagerWindow(5, 10)).toEqual([1, 0, 4, 5, 6, 0, 10]);
    expect(pagerWindow(1, 3)).toEqual([1, 2, 3]);
  });
});
