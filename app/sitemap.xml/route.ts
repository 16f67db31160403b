// /sitemap.xml: every public page with its lastmod, or an index of /sitemaps/N.xml past 50,000 URLs.
import { getContentIndex } from '@/lib/content/index';
import { SITEMAP_CONTENT_TYPE, sitemapEntries, sitemapXml } from '@/lib/feeds/sitemap';

export const dynamic = 'force-static';
// Scheduled articles go live without a rebuild; like the listings, refresh in the background at most this often.
export const revalidate = 300;

export function GET() {
  const xml = sitemapXml(sitemapEntries(getContentIndex()));
  return new Response(xml, { headers: { 'Content-Type': SITEMAP_CONTENT_TYPE } });
}
