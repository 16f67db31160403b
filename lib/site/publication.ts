// The publication event: when scheduled articles' time has come, every cached public page is expired at
// once (home, listings, feeds, the sitemap, neighbour links, the article's own address), so the next
// request renders them with the article in. Triggered through /api/revalidate by whoever keeps time:
// `npm start`'s own clock (server/publication-clock.mjs) or, on Vercel, a cron job (vercel.json).
import crypto from 'node:crypto';
import { revalidatePath } from 'next/cache';
import type { ContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';

/** A cron job that runs every minute sees each publication in two runs: enough, without repeating forever. */
export const CRON_WINDOW_MS = 2 * 60 * 1000;

/** Articles named in a report (a server back after months may find thousands went live). */
const REPORTED = 20;

export type PublicationReport = {
  /** The server's time the check was made at (epoch ms): the caller's next `since`. */
  now: number;
  /** Whether cached pages were expired because articles went live in (since, now]. */
  revalidated: boolean;
  /** How many went live (up to 1,000), and the first few of them. */
  count: number;
  published: Array<{ slug: string; title: string; date: string; path: string }>;
  /** The next scheduled article's time (epoch ms), or null. */
  nextPublication: number | null;
};

/**
 * Whether the request carries one of the scheduler's secrets as a bearer token. Compared in constant
 * time; no secret configured means nobody is let in.
 */
export function isScheduler(authorization: string | null, secrets: string[]): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const given = crypto
    .createHash('sha256')
    .update(match[1] ?? '')
    .digest();
  let ok = false;
  for (const secret of secrets) {
    const expected = crypto.createHash('sha256').update(secret).digest();
    if (crypto.timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}

/**
 * `since` from the request's query: epoch ms, not in the future (a server that was down for months
 * still catches what went live meanwhile); absent → the cron window. An error message for anything
 * that is not a time.
 */
export function parseSince(raw: string | null, now: number): number | { error: string } {
  if (raw === null || raw === '') return now - CRON_WINDOW_MS;
  if (!/^\d{1,16}$/.test(raw))
    return { error: `since must be a time in milliseconds since 1970 (got "${raw.slice(0, 40)}")` };
  return Math.min(now, Number(raw));
}

/**
 * Articles that went live in (since, now]; when there are any, expires every cached page (all routes
 * hang under the root layout, whose tag revalidatePath('/', 'layout') expires). Must run in a route
 * handler: revalidatePath needs a request.
 */
export function runPublication(index: ContentIndex, since: number, now: number = index.now()): PublicationReport {
  const live = index.publishedBetween(since, now);
  if (live.length > 0) revalidatePath('/', 'layout');
  return {
    now,
    revalidated: live.length > 0,
    count: live.length,
    published: live
      .slice(0, REPORTED)
      .map((a) => ({ slug: a.slug, title: a.title, date: a.date, path: articlePath(a.slug) })),
    nextPublication: index.nextScheduled(),
  };
}
