// POST /api/reading-history against a real (PGlite) database: who may write, what is refused, and that refusals
// change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, endSession } from '@/lib/accounts/sessions/sessions';
import { createUser } from '@/lib/accounts/users/users';
import type { SessionClaims } from './auth';
import type { Db } from '@/lib/db/client';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';
import { readingHistoryOf, recordVisit } from './reading-history';

const session = vi.hoisted(() => ({ claims: null as SessionClaims | null, db: null as Db | null }));

vi.mock('./auth', () => ({ getSessionClaims: async () => session.claims }));
vi.mock('@/lib/content/index', () => ({
  getContentIndex: () => ({
    getMeta: (slug: string) => (slug === 'known' || slug === 'other' ? { slug, title: '已发布' } : undefined),
  }),
}));
vi.mock('@/lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/client')>()),
  getDb: async () => session.db,
}));

const { POST } = await import('@/app/api/reading-history/route');

function request(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://hutong.test/api/reading-history', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://hutong.test', host: 'hutong.test', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const [pglite] = testBackends();

describe(backendTitle('POST /api/reading-history', pglite!), () => {
  let t: TestDatabase;
  let userId: string;
  let sessionId: string;
  let n = 0;

  beforeAll(async () => {
    t = await pglite!.open();
    session.db = t.db;
  });
  afterAll(async () => {
    await t?.destroy();
  });
  beforeEach(async () => {
    n += 1;
    userId = (await createUser(t.db, { email: `route${n}@example.com`, password: 'correct horse' })).id;
    sessionId = await createSession(t.db, userId);
    session.claims = null;
  });

  const signIn = () => (session.claims = { userId, sessionId, name: null, email: `route${n}@example.com` });
  const history = async () => (await readingHistoryOf(t.db, userId)).map((e) => [e.slug, e.progress]);

  it('a signed-out request changes nothing', async () => {
    await recordVisit(t.db, userId, 'other');
    const before = await readingHistoryOf(t.db, userId);
    for (const body of [{ slug: 'known' }, { slug: 'other', progress: 0.9 }]) {
      const res = await POST(request(body));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'signed_out' });
    }
    expect(await readingHistoryOf(t.db, userId)).toEqual(before);
  });

  it('records a visit and then how far the reader got', async () => {
    signIn();
    const opened = await POST(request({ slug: 'known' }));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('private, no-store');
    expect(await opened.json()).toEqual({ slug: 'known', recorded: true });
    expect(await POST(request({ slug: 'known', progress: 0.35 })).then((r) => r.json())).toEqual({
      slug: 'known',
      recorded: true,
    });
    expect(await history()).toEqual([['known', 0.35]]);
  });

  it('refuses an unknown or unpublished article with a 404 naming it, and bad fields with a 400 naming them', async () => {
    signIn();
    const missing = await POST(request({ slug: 'a-draft' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'not_found',
      message: 'No published article has the slug "a-draft"',
    });

    const badProgress = await POST(request({ slug: 'known', progress: 2 }));
    expect(badProgress.status).toBe(400);
    expect((await badProgress.json()).message).toContain('"progress"');
    const badSlug = await POST(request({ slug: 42 }));
    expect((await badSlug.json()).message).toContain('"slug"');
    expect((await POST(request('not json'))).status).toBe(400);
    expect(await history()).toEqual([]);
  });

  it('refuses a cross-site post even with a session', async () => {
    signIn();
    const res = await POST(
      request({ slug: 'known' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(res.status).toBe(403);
    expect(await history()).toEqual([]);
  });

  it('treats a session that was signed out (a replayed cookie) as signed out', async () => {
    await endSession(t.db, sessionId);
    session.claims = { userId, sessionId, name: null, email: null };
    const res = await POST(request({ slug: 'known' }));
    expect(res.status).toBe(401);
    expect(await history()).toEqual([]);
  });
});
