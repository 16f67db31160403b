import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleList } from '@/components/listings/article-list';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { homePath } from '@/lib/content/paths';
import { alternates } from '@/lib/site/alternates';
import { LISTING_PAGES_PRERENDERED, listingStaticPages } from '@/lib/site/static-params';
import { pageFrom, parsePageSegment } from '@/lib/content/paginate';

// Scheduled articles go live without a rebuild; listings refresh in the background at most this often.
export const revalidate = 300;

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return listingStaticPages(getContentIndex().count, LISTING_PAGES_PRERENDERED).map((page) => ({ page }));
}

function load(segment: string) {
  if (segment === '1') permanentRedirect('/');
  const page = parsePageSegment(segment);
  const index = getContentIndex();
  const slice = page ? pageFrom(index.count, page, getConfig().pageSize, index.latest) : null;
  if (!slice) notFound();
  return slice;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  const slice = load(page);
  return { title: `最新文章 · 第 ${slice.page} 页`, alternates: alternates(homePath(slice.page)) };
}

export default async function HomePageN({ params }: Props) {
  const slice = load((await params).page);
  return <ArticleList heading="最新文章" {...slice} articles={slice.items} href={homePath} />;
}
