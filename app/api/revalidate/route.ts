// The publication event's trigger (lib/site/publication.ts): called by `npm start`'s own clock at each
// scheduled article's time and, on Vercel, by the cron job in vercel.json (which sends CRON_SECRET as a
// bearer token). `?since=<ms>` says from when to look for articles that went live (default: the last
// two minutes, for a cron job running every minute). Anyone without the secret gets a 401 and nothing
// is expired.
import { NextResponse, type NextRequest } from 'next/server';
import { getServerConfig } from '@/lib/config/server';
import { siteIndex } from '@/lib/content/site';
import { isScheduler, parseSince, runPublication } from '@/lib/site/publication';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(request: NextRequest) {
  const { schedulerSecrets } = getServerConfig();
  if (!isScheduler(request.headers.get('authorization'), schedulerSecrets)) {
    return NextResponse.json(
      {
        error:
          schedulerSecrets.length === 0
            ? 'This address is for the site’s scheduler; set CRON_SECRET on the server and send it as "Authorization: Bearer <CRON_SECRET>".'
            : 'Send the scheduler’s secret as "Authorization: Bearer <CRON_SECRET>".',
      },
      { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="hutong-scheduler"' } },
    );
  }
  // `npm start` asks this before it answers its first reader (server/serve.mjs): read through site.ts, which
  // loads the code that compiles an index only where no build wrote one.
  const index = await siteIndex();
  const now = index.now();
  const since = parseSince(request.nextUrl.searchParams.get('since'), now);
  if (typeof since === 'object') return NextResponse.json(since, { status: 400, headers: NO_STORE });
  return NextResponse.json(runPublication(index, since, now), { headers: NO_STORE });
}
