// /archive/2021/05: one month in full. Rendered on first request and kept like the listings (a large
// archive has a hundred or more months; the build prerenders none of them).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveMonthView } from '@/components/listings/archive-view';
import {
  archivePath,
  archiveYearList,
  loadArchiveMonth,
  parseMonthSegment,
  parseYearSegment,
} from '@/lib/content/archive';
import { getContentIndex } from '@/lib/content/index';

type Props = { params: Promise<{ year: string; month: string }> };

// A month whose first article is scheduled appears when it goes live, without a rebuild; months with no
// published article never reach this page (the proxy answers them with the 404 page, lib/site/content-routes.ts).
export const dynamicParams = true;
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

async function monthOf(props: Props) {
  const params = await props.params;
  const wanted = { year: parseYearSegment(params.year), month: parseMonthSegment(params.month) };
  const years = archiveYearList(getContentIndex());
  const year = years.find((y) => y.year === wanted.year);
  const month = year && wanted.month !== null ? loadArchiveMonth(getContentIndex(), year.year, wanted.month) : null;
  return year && month ? { years, year, month } : notFound();
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { month } = await monthOf(props);
  return {
    title: `${month.label}归档`,
    description: `${month.label}的 ${month.count} 篇文章`,
    alternates: { canonical: archivePath(month.year, month.month) },
  };
}

export default async function ArchiveMonthPage(props: Props) {
  const { years, year, month } = await monthOf(props);
  return <ArchiveMonthView years={years} year={year} month={month} />;
}
