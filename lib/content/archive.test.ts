import { describe, expect, it } from 'vitest';
import { archiveLanding, archivePath, archiveYears, parseMonthSegment, parseYearSegment } from './archive';
import { fakeMeta } from '@/test/search-fixtures';

const at = (slug: string, date: string) => fakeMeta({ slug, title: slug, date });

// Newest first, as the content index keeps them. Dates are UTC; the site reads them in Shanghai time.
const published = [
  at('new-year', '2021-12-31T17:30:00Z'), // 2022-01-01 01:30 in Shanghai
  at('december', '2021-12-01T10:52:00Z'),
  at('november-late', '2021-11-20T00:00:00Z'),
  at('november-early', '2021-11-02T00:00:00Z'),
  at('old', '2019-03-08T04:00:00Z'),
];

describe('archiveYears', () => {
  it('groups by year and month in the site zone, newest first, skipping empty months', () => {
    const years = archiveYears(published, 'Asia/Shanghai');
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2022, 1],
      [2021, 3],
      [2019, 1],
    ]);
    expect(years[1]?.months.map((m) => [m.label, m.id, m.entries.map((e) => e.article.slug)])).toEqual([
      ['2021年12月', '2021-12', ['december']],
      ['2021年11月', '2021-11', ['november-late', 'november-early']],
    ]);
    expect(years[1]?.months[1]?.entries.map((e) => e.day)).toEqual([20, 2]);
    expect(years[1]?.months.map((m) => m.count)).toEqual([1, 2]);
    expect(years[1]?.latest).toBe('2021-12-01T10:52:00Z');
  });

  it('puts an article on the month it falls in where the site is, not in UTC', () => {
    expect(archiveYears(published, 'UTC')[0]?.months[0]?.label).toBe('2021年12月');
    expect(archiveYears(published, 'Asia/Shanghai')[0]?.months[0]?.label).toBe('2022年1月');
  });

  it('is empty for a site with no articles', () => {
    expect(archiveYears([], 'Asia/Shanghai')).toEqual([]);
  });
});

describe('archiveLanding', () => {
  const years = archiveYears(published, 'Asia/Shanghai');

  it('shows whole years while they fit the budget, always at least the newest', () => {
    expect(archiveLanding(years, 100).shown.map((y) => y.year)).toEqual([2022, 2021, 2019]);
    expect(archiveLanding(years, 4).shown.map((y) => y.year)).toEqual([2022, 2021]);
    const tight = archiveLanding(years, 0);
    expect(tight.shown.map((y) => y.year)).toEqual([2022]);
    expect(tight.earlier.map((y) => y.year)).toEqual([2021, 2019]);
  });
});

describe('archive paths', () => {
  it('spells and reads year pages', () => {
    expect(archivePath()).toBe('/archive');
    expect(archivePath(2021)).toBe('/archive/2021');
    expect(parseYearSegment('2021')).toBe(2021);
    expect(['021', '02021', 'abcd', '2021.0', ''].map(parseYearSegment)).toEqual([null, null, null, null, null]);
  });

  it('spells and reads month pages with two digits', () => {
    expect(archivePath(2021, 5)).toBe('/archive/2021/05');
    expect(archivePath(2021, 12)).toBe('/archive/2021/12');
    expect(['01', '05', '12'].map(parseMonthSegment)).toEqual([1, 5, 12]);
    expect(['5', '00', '13', '005', '1a', '', '-1'].map(parseMonthSegment)).toEqual(Array(7).fill(null));
  });
});
