// POST /api/bookmarks with bodies a stranger sends: a client's mistake is a 400, never a 500, and is
// answered before any session work.
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ session: 0 }));
vi.mock('./auth', () => ({
  getSessionClaims: async () => {
    calls.session += 1;
    return null;
  },
}));
vi.mock('@/lib/content/index', () => ({ getContentIndex: () => ({ getMeta: () => undefined }) }));

const { POST } = await import('@/app/api/bookmarks/route');

function post(body: string, type = 'application/json') {
  return POST(
    new Request('http://hutong.test/api/bookmarks', {
      method: 'POST',
      headers: { 'content-type': type, host: 'hutong.test' },
      body,
    }),
  );
}

describe('POST /api/bookmarks: malformed input', () => {
  it.each([
    ['a lone high surrogate', '{"slug":"\\ud800"}'],
    ['a lone low surrogate', '{"slug":"a\\udfffb"}'],
    ['an empty slug', '{"slug":""}'],
    ['a number', '{"slug":42}'],
    ['a huge slug', JSON.stringify({ slug: 'x'.repeat(10_000) })],
    ['not JSON', '{"slug":'],
    ['JSON null', 'null'],
  ])('answers %s with 400 before looking at the session', async (_label, body) => {
    const before = calls.session;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request' });
    expect(calls.session).toBe(before);
  });
});
