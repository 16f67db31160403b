// The archive: published articles grouped by year and month in the site's time zone, newest first.
// /archive shows the newest years (at least one) up to a page budget; every year also has its own page.
import type { ContentIndex } from './queries';
import type { ArticleMeta } from './types';
import { wallTimeIn } from '@/lib/format/time-zone';

export type ArchiveEntry = { article: ArticleMeta; /** Day of the month in the site's zone. */ day: number };

export type ArchiveMonth = {
  year: number;
  /** 1–12 */
  month: number;
  /** "2021年12月" */
  label: string;
  /** A stable fragment id: "2021-12". */
  id: string;
  entries: ArchiveEntry[];
};

export type ArchiveYear = {
  year: number;
  count: number;
  /** ISO date of the year's newest article. */
  latest: string;
  /** Newest first; months without articles are left out. */
  months: ArchiveMonth[];
};

/** About this many links on /archive before older years move to their own pages only. */
export const ARCHIVE_LANDING_BUDGET = 400;

const cache = new WeakMap<ArticleMeta[], Map<string, ArchiveYear[]>>();

/** `published` newest first (as the content index keeps it) → years → months → articles, all newest first. */
export function archiveYears(published: ArticleMeta[], timeZone: string): ArchiveYear[] {
  let byZone = cache.get(published);
  const hit = byZone?.get(timeZone);
  if (hit) return hit;

  const years: ArchiveYear[] = [];
  for (const article of published) {
    const wall = wallTimeIn(new Date(article.date), timeZone);
    let year = years[years.length - 1];
    if (!year || year.year !== wall.year) {
      year = { year: wall.year, count: 0, latest: article.date, months: [] };
      years.push(year);
    }
    let month = year.months[year.months.length - 1];
    if (!month || month.month !== wall.month) {
      month = { year: wall.year, month: wall.month, label: `${wall.year}年${wall.month}月`, id: `${wall.year}-${String(wall.month).padStart(2, '0')}`, entries: [] };
      year.months.push(month);
    }
    month.entries.push({ article, day: wall.day });
    year.count++;
  }

  if (!byZone) {
    byZone = new Map();
    cache.set(published, byZone);
  }
  byZone.set(timeZone, years);
  return years;
}

const monthOf = (year: number, month: number): ArchiveMonth => ({
  year,
  month,
  label: `${year}年${month}月`,
  id: `${year}-${String(month).padStart(2, '0')}`,
  entries: [],
});

/** Every year with its count and months, from the index's counts; the months' entries are not loaded. */
export function archiveYearList(index: ContentIndex): ArchiveYear[] {
  return index.archiveYears().map((y) => ({
    year: y.year,
    count: y.count,
    latest: y.latest,
    months: y.months.map((m) => monthOf(y.year, m.month)),
  }));
}

/** One year in full: its months with their articles and days, newest first. */
export function loadArchiveYear(index: ContentIndex, year: ArchiveYear): ArchiveYear {
  const months: ArchiveMonth[] = [];
  for (const row of index.archiveYear(year.year)) {
    let month = months[months.length - 1];
    if (!month || month.month !== row.month) months.push((month = monthOf(row.year, row.month)));
    month.entries.push({ article: row.article, day: row.day });
  }
  return { ...year, months };
}

/** The years /archive shows in full (the newest, then more while within `budget`), and the earlier ones. */
export function archiveLanding(years: ArchiveYear[], budget = ARCHIVE_LANDING_BUDGET): { shown: ArchiveYear[]; earlier: ArchiveYear[] } {
  let total = 0;
  let cut = 0;
  while (cut < years.length) {
    const next = (years[cut] as ArchiveYear).count;
    if (cut > 0 && total + next > budget) break;
    total += next;
    cut++;
  }
  return { shown: years.slice(0, cut), earlier: years.slice(cut) };
}

/** `/archive`, or `/archive/2021` for one year. */
export function archivePath(year?: number): string {
  return year === undefined ? '/archive' : `/archive/${year}`;
}

/** "2021" → 2021 for a year segment; null for anything else ("02021", "21", "abc"). */
export function parseYearSegment(segment: string): number | null {
  return /^[1-9]\d{3}$/.test(segment) ? Number(segment) : null;
}
