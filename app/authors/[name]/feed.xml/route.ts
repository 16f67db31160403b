// RSS 2.0 for one author (for readers who follow it in a feed reader), rendered on its first request and then
// cached like a prerendered page, as the category feeds are. The proxy answers unknown names with the 404 page
// (lib/site/content-routes.ts), so only real ones reach this handler.
import { feedResponse, taxonomyFeed } from '@/lib/feeds/site-feeds';
import { routeParam } from '@/lib/site/route-params';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const feed = taxonomyFeed('author', routeParam((await params).name, 'route'));
  if (!feed)
    return new Response('没有这个作者。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return feedResponse('rss', feed);
}
