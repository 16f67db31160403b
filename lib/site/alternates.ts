// Next.js replaces (not merges) a parent's `alternates` when a page sets its own canonical URL, so
// every page builds its alternates here to keep the site feeds linked from <head> everywhere.
import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';

export function alternates(canonical?: string): NonNullable<Metadata['alternates']> {
  const { siteName } = getConfig();
  return {
    ...(canonical ? { canonical } : {}),
    types: {
      'application/rss+xml': [{ url: '/feed.xml', title: `${siteName} RSS` }],
      'application/atom+xml': [{ url: '/atom.xml', title: `${siteName} Atom` }],
    },
  };
}
