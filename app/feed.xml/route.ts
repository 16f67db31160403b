// RSS 2.0: the latest articles with full content, rendered once at build time.
import { feedResponse, siteFeed } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';

export function GET() {
  return feedResponse('rss', siteFeed('rss'));
}
