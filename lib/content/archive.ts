// The archive: published articles grouped by year and month in the site's time zone, newest first.
// /archive shows the newest years (at least one) up to a page budget; every year has its own page, and
// every month too: a year of more than ARCHIVE_FULL_YEAR articles lists its months, each a link to its page,
// instead of every article (a year of a scraped feed holds thousands: 7.6 MB of HTML per year page at
// 100,000 articles, and 20 s of the build spent prerendering eleven of them).
import type { ArchiveRow, ContentIndex } from './queries';
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
  /** How many published articles the month has (also when its entries are not loaded). */
  count: number;
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

/** A year page lists every article up to this many; a larger year lists its months, each with its own page. */
export const ARCHIVE_FULL_YEAR = ARCHIVE_LANDING_BUDGET;

const monthOf = (year: number, month: number, count = 0): ArchiveMonth => ({
  year,
  month,
  label: `${year}年${month}月`,
  id: `${year}-${String(month).padStart(2, '0')}`,
  count,
  entries: [],
});

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
      month = monthOf(wall.year, wall.month);
      year.months.push(month);
    }
    month.entries.push({ article, day: wall.day });
    month.count++;
    year.count++;
  }

  if (!byZone) {
    byZone = new Map();
    cache.set(published, byZone);
  }
  byZone.set(timeZone, years);
  return years;
}

/** Every year with its count and months, from the index's counts; the months' entries are not loaded. */
export function archiveYearList(index: ContentIndex): ArchiveYear[] {
  return index.archiveYears().map((y) => ({
    year: y.year,
    count: y.count,
    latest: y.latest,
    months: y.months.map((m) => monthOf(y.year, m.month, m.count)),
  }));
}

/** Rows of one year or month, newest first, into months. */
function intoMonths(rows: ArchiveRow[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (const row of rows) {
    let month = months[months.length - 1];
    if (!month || month.month !== row.month) months.push((month = monthOf(row.year, row.month)));
    month.entries.push({ article: row.article, day: row.day });
    month.count++;
  }
  return months;
}

/** One year in full: its months with their articles and days, newest first. */
export function loadArchiveYear(index: ContentIndex, year: ArchiveYear): ArchiveYear {
  return { ...year, months: intoMonths(index.archiveYear(year.year)) };
}

/** Whether a year's page lists its articles (else its months, each linking to its own page). */
export function listsInFull(year: { count: number }): boolean {
  return year.count <= ARCHIVE_FULL_YEAR;
}

/** A year page's months: with their articles when the year is listed in full, else counts only. */
export function archiveYearPage(index: ContentIndex, year: ArchiveYear): ArchiveYear {
  return listsInFull(year) ? loadArchiveYear(index, year) : year;
}

/** One month in full (month 1–12), or null when it has no published article. */
export function loadArchiveMonth(index: ContentIndex, year: number, month: number): ArchiveMonth | null {
  return intoMonths(index.archiveMonth(year, month))[0] ?? null;
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

/** `/archive`, `/archive/2021` for one year, `/archive/2021/05` for one month. */
export function archivePath(year?: number, month?: number): string {
  if (year === undefined) return '/archive';
  return month === undefined ? `/archive/${year}` : `/archive/${year}/${String(month).padStart(2, '0')}`;
}

/** "2021" → 2021 for a year segment; null for anything else ("02021", "21", "abc"). */
export function parseYearSegment(segment: string): number | null {
  return /^[1-9]\d{3}$/.test(segment) ? Number(segment) : null;
}

/** "05" → 5 for a month segment, two digits as archivePath writes it; null for anything else ("5", "13"). */
export function parseMonthSegment(segment: string): number | null {
  return /^(0[1-9]|1[0-2])$/.test(segment) ? Number(segment) : null;
}
