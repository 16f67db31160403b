import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';
import { CRON_WINDOW_MS, isScheduler, parseSince, runPublication } from './publication';

const mocks = vi.hoisted(() => ({
  revalidated: [] as string[][],
  index: null as ContentIndex | null,
  secrets: [] as string[],
}));
vi.mock('next/cache', () => ({ revalidatePath: (...args: string[]) => mocks.revalidated.push(args) }));
vi.mock('@/lib/content/index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/index')>();
  return { ...actual, getContentIndex: () => mocks.index };
});
// The route opens the built index first (what a server has); the test's index stands for it.
vi.mock('@/lib/content/built-index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/built-index')>();
  return { ...actual, getBuiltContentIndex: () => mocks.index };
});
vi.mock('@/lib/config/server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/config/server')>();
  return { ...actual, getServerConfig: () => ({ ...actual.parseServerConfig({}), schedulerSecrets: mocks.secrets }) };
});

// 2031-05-01 08:00 in Shanghai.
const T = Date.parse('2031-05-01T08:00:00+08:00');
let corpus: Corpus;
let now = T - 60_000;

beforeEach(() => {
  corpus = makeCorpus();
  corpus.write('old.md', article({ title: '旧文', date: '2031-04-01 08:00', categories: ['城市'] }));
  corpus.write('soon.md', article({ title: '准点', date: '2031-05-01 08:00', categories: ['城市'] }));
  corpus.write('later.md', article({ title: '以后', date: '2031-06-01 08:00', categories: ['城市'] }));
  now = T - 60_000;
  mocks.index = buildContentIndex({ dir: corpus.dir, timeZone: 'Asia/Shanghai', now: () => now });
  mocks.revalidated = [];
  mocks.secrets = ['cron-secret-0123456789'];
});
afterEach(() => corpus.cleanup());

describe('the publication event', () => {
  it('does nothing before the time, and expires every cached page once the article is live', () => {
    const index = mocks.index!;
    const before = runPublication(index, now - CRON_WINDOW_MS);
    expect(before).toMatchObject({ revalidated: false, published: [], nextPublication: T });
    expect(mocks.revalidated).toEqual([]);
    now = T + 1000;
    const after = runPublication(index, T - 60_000);
    expect(after.revalidated).toBe(true);
    expect(after.published.map((p) => p.path)).toEqual(['/articles/soon']);
    expect(after.nextPublication).toBe(Date.parse('2031-06-01T08:00:00+08:00'));
    // The root layout's tag: every page and route handler of the site carries it.
    expect(mocks.revalidated).toEqual([['/', 'layout']]);
    // A server back after months: everything since, the old one too.
    expect(runPublication(index, 0).count).toBe(2);
  });

  it('reads `since` as milliseconds, never in the future, and explains anything else', () => {
    expect(parseSince(null, T)).toBe(T - CRON_WINDOW_MS);
    expect(parseSince(String(T - 5000), T)).toBe(T - 5000);
    expect(parseSince('1', T)).toBe(1);
    expect(parseSince(String(T + 99_999), T)).toBe(T);
    expect(parseSince('yesterday', T)).toEqual({ error: expect.stringContaining('"yesterday"') });
  });

  it('accepts only a configured secret, as a bearer token', () => {
    expect(isScheduler('Bearer s3cret-s3cret-s3cret', ['s3cret-s3cret-s3cret'])).toBe(true);
    expect(isScheduler('bearer   s3cret-s3cret-s3cret ', ['other', 's3cret-s3cret-s3cret'])).toBe(true);
    expect(isScheduler('Bearer s3cret-s3cret-s3cre', ['s3cret-s3cret-s3cret'])).toBe(false);
    expect(isScheduler('s3cret-s3cret-s3cret', ['s3cret-s3cret-s3cret'])).toBe(false);
    expect(isScheduler(null, ['s3cret-s3cret-s3cret'])).toBe(false);
    expect(isScheduler('Bearer ', [])).toBe(false);
    expect(isScheduler('Bearer anything', [])).toBe(false);
  });
});

describe('/api/revalidate', () => {
  const call = async (headers: Record<string, string>, query = '') => {
    const { GET } = await import('@/app/api/revalidate/route');
    return GET(new NextRequest(`http://localhost/api/revalidate${query}`, { headers }));
  };

  it('turns away anyone without the secret, expiring nothing', async () => {
    now = T + 1000;
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-wrong-wrong' },
      { cookie: 'authjs.session-token=x' },
    ];
    for (const headers of attempts) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await res.json()).error).toMatch(/CRON_SECRET/);
    }
    expect(mocks.revalidated).toEqual([]);
  });

  it('for the cron job: reports what went live in the last two minutes and renews the pages', async () => {
    now = T + 30_000;
    const res = await call({ authorization: 'Bearer cron-secret-0123456789' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ now, revalidated: true, published: [{ title: '准点' }] });
    expect(mocks.revalidated).toHaveLength(1);
    // Three minutes on, the cron job's window has passed it: nothing more to renew.
    now = T + 180_000;
    expect(await (await call({ authorization: 'Bearer cron-secret-0123456789' })).json()).toMatchObject({
      revalidated: false,
    });
  });

  it('answers a malformed `since` with a 400 that says what it expects', async () => {
    const res = await call({ authorization: 'Bearer cron-secret-0123456789' }, '?since=%3Cscript%3E');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/milliseconds/);
  });
});
