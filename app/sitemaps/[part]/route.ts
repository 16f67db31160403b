// /sitemaps/N.xml: the parts a sitemap index points to; they exist only when the site has over 50,000 URLs.
import { getContentIndex } from '@/lib/content/index';
import {
  parsePartSegment,
  SITEMAP_CONTENT_TYPE,
  sitemapEntries,
  sitemapPartsBeforeNextBuild,
  sitemapPartXml,
} from '@/lib/feeds/sitemap';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;
export const dynamicParams = false;

function entries() {
  return sitemapEntries(getContentIndex());
}

export function generateStaticParams() {
  return sitemapPartsBeforeNextBuild(getContentIndex()).map((part) => ({ part }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  const part = parsePartSegment((await params).part);
  const xml = part === null ? null : sitemapPartXml(entries(), part);
  if (xml === null)
    return new Response('没有这一部分站点地图。', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return new Response(xml, { headers: { 'Content-Type': SITEMAP_CONTENT_TYPE } });
}
