// /robots.txt: everything public may be crawled except search results and APIs; the sitemap says where pages are.
import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/config';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/search', '/api/'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
