import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_FULL_YEAR,
  archiveLanding,
  archiveYearList,
  archiveYearPage,
  archiveYears,
  loadArchiveMonth,
} from '@/lib/content/archive';
import { indexFromArticles } from '@/lib/content/memory-index';
import { fakeMeta } from '@/test/search-fixtures';
import { ArchiveMonthView, ArchiveView } from './archive-view';

const published = [
  fakeMeta({ slug: 'dec', title: '十二月的胡同', date: '2021-12-01T10:52:00.000Z' }),
  fakeMeta({ slug: 'nov', title: '十一月的茶', date: '2021-11-02T00:00:00.000Z' }),
  fakeMeta({ slug: 'old', title: '旧文', date: '2019-03-08T04:00:00.000Z' }),
];
const years = archiveYears(published, 'Asia/Shanghai');

describe('ArchiveView', () => {
  it('shows months as headings, newest first, with dated links', () => {
    const html = renderToStaticMarkup(<ArchiveView years={years} shown={years} />);
    const order = ['2021年12月', '十二月的胡同', '2021年11月', '十一月的茶', '2019年3月', '旧文'].map((t) =>
      html.indexOf(t),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(html).toContain('12月1日');
    expect(html).toContain('href="/articles/dec"');
    expect(html).toContain('共 3 篇');
  });

  it('links older years that do not fit on /archive, and marks the current year on a year page', () => {
    const { shown, earlier } = archiveLanding(years, 0);
    const landing = renderToStaticMarkup(<ArchiveView years={years} shown={shown} earlier={earlier} />);
    expect(landing).toContain('href="/archive/2019"');
    expect(landing).not.toContain('旧文');
    const yearPage = renderToStaticMarkup(<ArchiveView years={years} shown={[years[1]!]} current={2019} />);
    expect(yearPage).toContain('2019 年归档');
    expect(yearPage).toContain('aria-current="page"');
  });
});

describe('a year too large to list in full', () => {
  // One more article than a year page lists: 2023 spread over March (the most) and two other months.
  const big = Array.from({ length: ARCHIVE_FULL_YEAR + 1 }, (_, i) => {
    const month = i < 300 ? 3 : i < 380 ? 6 : 11;
    const day = (i % 28) + 1;
    const date = `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T0${i % 10}:00:00.000Z`;
    return { meta: fakeMeta({ slug: `a${i}`, title: `第${i}篇`, date }) };
  });
  const index = indexFromArticles([
    ...big,
    { meta: fakeMeta({ slug: 'small', title: '小年份', date: '2020-05-05T00:00:00.000Z' }) },
  ]);
  const list = archiveYearList(index);
  const [y2023, y2020] = list as [(typeof list)[0], (typeof list)[0]];

  it('shows its months with their counts, each a link to its page, and no article', () => {
    const page = archiveYearPage(index, y2023);
    const html = renderToStaticMarkup(<ArchiveView years={list} shown={[page]} current={2023} />);
    expect(html).toContain(`2023 年共 ${ARCHIVE_FULL_YEAR + 1} 篇`);
    expect(html).toContain('href="/archive/2023/03"');
    expect(html).toContain('href="/archive/2023/11"');
    expect(html).toMatch(/2023年3月<span[^>]*>300 篇/);
    expect(html).not.toContain('第0篇');
    expect(html).not.toContain('href="/articles/');
    // A small year's page still lists every article.
    const small = renderToStaticMarkup(
      <ArchiveView years={list} shown={[archiveYearPage(index, y2020)]} current={2020} />,
    );
    expect(small).toContain('href="/articles/small"');
  });

  it('has a page per month: every article of that month, newest first, and the other months to move to', () => {
    const march = loadArchiveMonth(index, 2023, 3);
    expect(march?.count).toBe(300);
    const html = renderToStaticMarkup(<ArchiveMonthView years={list} year={y2023} month={march!} />);
    expect(html).toContain('<h1');
    expect(html).toContain('2023年3月');
    expect(html).toContain('共 300 篇');
    expect(html.match(/href="\/articles\//g)).toHaveLength(300);
    expect(html).not.toContain('第300篇'); // a June article
    expect(html).toMatch(/aria-current="page"[^>]*>2023年3月/);
    expect(html).toContain('href="/archive/2023/06"');
    expect(html).toContain('href="/archive/2023"');
    const dates = [...html.matchAll(/dateTime="([^"]+)"/g)].map((m) => m[1] as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(loadArchiveMonth(index, 2023, 4)).toBeNull();
    expect(loadArchiveMonth(index, 2019, 3)).toBeNull();
  });
});
