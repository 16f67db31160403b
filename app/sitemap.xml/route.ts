// /sitemap.xml: every public page with its lastmod, or an index of /sitemaps/N.xml past 50,000 URLs.
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { SITEMAP_CONTENT_TYPE, sitemapEntries, sitemapXml } from '@/lib/feeds/sitemap';

export const dynamic = 'force-static';

export function GET() {
  const xml = sitemapXml(sitemapEntries(getContentIndex(), getConfig().timeZone));
  return new Response(xml, { headers: { 'Content-Type': SITEMAP_CONTENT_TYPE } });
}
