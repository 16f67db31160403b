// RSS 2.0 for one category, prerendered for every category that has articles.
import { getContentIndex } from '@/lib/content/index';
import { categoryFeed, feedResponse } from '@/lib/feeds/site-feeds';
import { decodeSegment } from '@/lib/route-params';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;
// A category that appears only after the build has no page either; 404 rather than render on demand.
export const dynamicParams = false;

export function generateStaticParams() {
  return getContentIndex().categories.map((c) => ({ name: c.name }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const feed = categoryFeed(decodeSegment((await params).name));
  if (!feed) return new Response('没有这个分类。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return feedResponse('rss', feed);
}
