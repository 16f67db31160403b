// Atom 1.0: the same latest articles as /feed.xml, for readers that prefer Atom.
import { feedResponse, siteFeed } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';

export function GET() {
  return feedResponse('atom', siteFeed('atom'));
}
