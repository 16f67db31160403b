// RSS 2.0: the latest articles with full content, rendered once at build time.
import { feedResponse, siteFeed } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export function GET() {
  return feedResponse('rss', siteFeed('rss'));
}
