// Atom 1.0: the same latest articles as /feed.xml, for readers that prefer Atom.
import { feedResponse, siteFeed } from '@/lib/feeds/site-feeds';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export function GET() {
  return feedResponse('atom', siteFeed('atom'));
}
