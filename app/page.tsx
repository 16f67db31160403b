import type { Metadata } from 'next';
import { ArticleList } from '@/components/listings/article-list';
import { ContinueReading } from '@/components/account/continue-reading';
import { alternates } from '@/lib/site/alternates';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { homePath } from '@/lib/content/paths';
import { pageFrom } from '@/lib/content/paginate';

// Scheduled articles go live without a rebuild; listings refresh in the background at most this often.
export const revalidate = 300;

export function generateMetadata(): Metadata {
  return { alternates: alternates('/') };
}

export default function HomePage() {
  const { siteName, pageSize } = getConfig();
  const index = getContentIndex();
  const slice = pageFrom(index.count, 1, pageSize, index.latest)!;
  return (
    <>
      {/* A client island: signed-in readers' 继续阅读; renders nothing (and takes no space) for everyone else. */}
      <ContinueReading />
      <ArticleList heading={`${siteName} · 最新文章`} headingHidden {...slice} articles={slice.items} href={homePath} />
    </>
  );
}
