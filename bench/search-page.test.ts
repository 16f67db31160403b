import { describe, expect, it } from 'vitest';
import { distinctQueries, emptySearchPaths, searchPagePath } from './search-page';

describe('search page bench: the queries', () => {
  it('makes as many distinct, non-empty queries as asked, the same on every run', () => {
    const queries = distinctQueries(5000);
    expect(queries).toHaveLength(5000);
    expect(new Set(queries).size).toBe(5000);
    expect(queries.every((q) => q.trim().length >= 2 && q.length <= 9)).toBe(true);
    expect(distinctQueries(5000)).toEqual(queries);
    expect(queries.some((q) => q.includes(' '))).toBe(true);
  });

  it('puts the query in the address the search form uses', () => {
    expect(searchPagePath('北京 胡同')).toBe('/search?q=%E5%8C%97%E4%BA%AC%20%E8%83%A1%E5%90%8C');
  });

  it('makes empty-query addresses that are all different, so none is answered from the cache', () => {
    const paths = emptySearchPaths(1000);
    expect(new Set(paths).size).toBe(1000);
    expect(paths.every((p) => new URL(p, 'http://x').searchParams.get('q') === '')).toBe(true);
  });
});
