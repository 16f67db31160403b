import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { archiveLanding, archiveYears } from '@/lib/content/archive';
import { fakeMeta } from '@/test/search-fixtures';
import { ArchiveView } from './archive-view';

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
