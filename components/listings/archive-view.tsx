import type { ReactNode } from 'react';
import { IntentLink } from '@/components/layout/intent-link';
import { archivePath, type ArchiveMonth, type ArchiveYear } from '@/lib/content/archive';
import { articlePath } from '@/lib/content/paths';

type Props = {
  /** Every year with articles, newest first, for the year links. */
  years: ArchiveYear[];
  /** The years shown in full on this page. */
  shown: ArchiveYear[];
  /** The year this page is about, if it is a year page. */
  current?: number;
  /** Older years listed on /archive as links only. */
  earlier?: ArchiveYear[];
};

/**
 * One of a row of archive places (a year, a month): the page being shown is marked as such and is not a
 * link; the others are. `box` is the pill's shape, shared by both.
 */
function Pill({ href, current, box, children }: { href: string; current: boolean; box: string; children: ReactNode }) {
  return current ? (
    <span aria-current="page" className={`${box} rounded-md bg-accent font-semibold text-accent-fg`}>
      {children}
    </span>
  ) : (
    <IntentLink href={href} className={`${box} rounded-md border border-line hover:border-accent hover:bg-surface`}>
      {children}
    </IntentLink>
  );
}

function YearNav({ years, current }: { years: ArchiveYear[]; current?: number }) {
  if (years.length < 2) return null;
  return (
    <nav aria-label="按年份" className="mt-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <li key={y.year}>
            <Pill href={archivePath(y.year)} current={y.year === current} box="inline-block px-2.5 py-1">
              {y.year}
              {y.year === current ? null : <span className="text-muted"> ({y.count})</span>}
            </Pill>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One month's articles, newest first, each with its day. */
function MonthEntries({ month }: { month: ArchiveMonth }) {
  return (
    <ul className="mt-2">
      {month.entries.map(({ article, day }) => (
        <li key={article.slug} className="flex gap-4 py-1.5">
          <time dateTime={article.date} className="w-16 shrink-0 text-sm whitespace-nowrap text-muted tabular-nums">
            {month.month}月{day}日
          </time>
          <IntentLink href={articlePath(article.slug)} className="min-w-0 text-fg hover:text-accent">
            {article.title}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

/** A large year's months as links to their pages, with their counts; `current` marks the month shown. */
function MonthLinks({ year, current, label }: { year: ArchiveYear; current?: number; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {year.months.map((m) => (
          <li key={m.id}>
            <Pill
              href={archivePath(m.year, m.month)}
              current={m.month === current}
              box="flex items-baseline justify-between gap-2 px-3 py-2"
            >
              {m.label}
              <span className={m.month === current ? 'text-sm font-normal' : 'text-sm text-muted'}>{m.count} 篇</span>
            </Pill>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Months as headings with their articles and days, newest first; shared by /archive and /archive/[year]. */
export function ArchiveView({ years, shown, current, earlier = [] }: Props) {
  const total = years.reduce((n, y) => n + y.count, 0);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <header className="border-b border-line pb-5">
        <h1 className="text-2xl font-bold sm:text-3xl">{current ? `${current} 年归档` : '归档'}</h1>
        <p className="mt-1 text-sm text-muted">
          {current ? `${current} 年共 ${shown[0]?.count ?? 0} 篇` : `共 ${total} 篇，按月份排列`}
        </p>
        <YearNav years={years} current={current} />
      </header>
      {shown.length === 0 ? <p className="py-16 text-center text-muted">这里还没有文章。</p> : null}
      {shown.map((year) => (
        <section key={year.year} aria-labelledby={`y-${year.year}`} className="mt-8">
          <h2 id={`y-${year.year}`} className={current ? 'sr-only' : 'text-xl font-bold'}>
            {year.year} 年
          </h2>
          {year.months.some((m) => m.entries.length === 0) ? (
            // Too many to list: each month has its own page.
            <MonthLinks year={year} label={`${year.year} 年的月份`} />
          ) : (
            year.months.map((month) => (
              <section key={month.id} id={month.id} aria-labelledby={`m-${month.id}`} className="mt-6 scroll-mt-20">
                <h3 id={`m-${month.id}`} className="flex items-baseline gap-2 border-b border-line pb-2 font-semibold">
                  <IntentLink href={archivePath(month.year, month.month)} className="hover:text-accent">
                    {month.label}
                  </IntentLink>
                  <span className="text-sm font-normal text-muted">{month.count} 篇</span>
                </h3>
                <MonthEntries month={month} />
              </section>
            ))
          )}
        </section>
      ))}
      {earlier.length > 0 ? (
        <section aria-labelledby="archive-earlier" className="mt-10 rounded-lg bg-surface p-4">
          <h2 id="archive-earlier" className="font-semibold">
            更早的文章
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {earlier.map((y) => (
              <li key={y.year}>
                <IntentLink
                  href={archivePath(y.year)}
                  className="text-accent underline underline-offset-2 hover:decoration-2"
                >
                  {y.year} 年（{y.count} 篇）
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** /archive/2021/05: one month in full, with the year's other months and the years to move between. */
export function ArchiveMonthView({
  years,
  year,
  month,
}: {
  years: ArchiveYear[];
  year: ArchiveYear;
  month: ArchiveMonth;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <header className="border-b border-line pb-5">
        <p className="text-sm">
          <IntentLink
            href={archivePath(year.year)}
            className="text-accent underline underline-offset-2 hover:decoration-2"
          >
            {year.year} 年归档
          </IntentLink>
        </p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{month.label}</h1>
        <p className="mt-1 text-sm text-muted">共 {month.count} 篇</p>
        <MonthLinks year={year} current={month.month} label={`${year.year} 年的月份`} />
        <YearNav years={years} />
      </header>
      <section aria-labelledby={`m-${month.id}`} className="mt-6">
        <h2 id={`m-${month.id}`} className="sr-only">
          {month.label}的文章
        </h2>
        <MonthEntries month={month} />
      </section>
    </div>
  );
}
