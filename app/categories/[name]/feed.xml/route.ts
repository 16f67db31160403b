// RSS 2.0 for one category, rendered on its first request and then cached like a prerendered page.
// Each feed carries 50 full article bodies: prerendering one per category at build time cost a few
// seconds of a large site's build for files feed readers fetch now and then. The proxy answers unknown
// categories with the 404 page (lib/site/content-routes.ts), so only real ones reach this handler.
import { categoryFeed, feedResponse } from '@/lib/feeds/site-feeds';
import { routeParam } from '@/lib/site/route-params';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const feed = categoryFeed(routeParam((await params).name, 'route'));
  if (!feed)
    return new Response('没有这个分类。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return feedResponse('rss', feed);
}
