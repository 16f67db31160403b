// /archive/2021: one year month by month (a large year: its months, each a link to its page), prerendered
// for every year that has articles.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/listings/archive-view';
import { archivePath, archiveYearList, archiveYearPage, parseYearSegment } from '@/lib/content/archive';
import { getContentIndex } from '@/lib/content/index';

type Props = { params: Promise<{ year: string }> };

// A year whose first article is scheduled appears when it goes live, without a rebuild; years with no
// published article never reach this page (the proxy answers them with the 404 page, lib/site/content-routes.ts).
export const dynamicParams = true;
export const revalidate = 300;

function years() {
  return archiveYearList(getContentIndex());
}

export function generateStaticParams() {
  return years().map((y) => ({ year: String(y.year) }));
}

async function yearOf(props: Props) {
  const wanted = parseYearSegment((await props.params).year);
  return years().find((y) => y.year === wanted) ?? notFound();
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const year = await yearOf(props);
  return {
    title: `${year.year} 年归档`,
    description: `${year.year} 年的 ${year.count} 篇文章`,
    alternates: { canonical: archivePath(year.year) },
  };
}

export default async function ArchiveYearPage(props: Props) {
  const year = await yearOf(props);
  return <ArchiveView years={years()} shown={[archiveYearPage(getContentIndex(), year)]} current={year.year} />;
}
