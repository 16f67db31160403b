// /archive: the newest years month by month (static); older years link to their own pages.
import type { Metadata } from 'next';
import { ArchiveView } from '@/components/listings/archive-view';
import { archiveLanding, archivePath, archiveYearList, archiveYearPage } from '@/lib/content/archive';
import { getContentIndex } from '@/lib/content/index';

// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export const metadata: Metadata = {
  title: '归档',
  description: '按月份浏览全部文章',
  alternates: { canonical: archivePath() },
};

export default function ArchivePage() {
  const index = getContentIndex();
  const years = archiveYearList(index);
  const { shown, earlier } = archiveLanding(years);
  return <ArchiveView years={years} shown={shown.map((y) => archiveYearPage(index, y))} earlier={earlier} />;
}
