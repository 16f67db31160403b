import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Store = typeof import('./reader-state');

/** A fresh copy of the module per test: the store is module state, one per page in the browser. */
async function freshStore(): Promise<Store> {
  vi.resetModules();
  return import('./reader-state');
}

function answer(body: unknown, status = 200) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('reader state on static pages', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks once for every button and the header on a page', async () => {
    fetchMock.mockImplementation(() => answer({ user: { name: '安', email: 'an@example.com' }, bookmarked: ['b'] }));
    const store = await freshStore();
    store.watchUser();
    for (const slug of ['a', 'b', 'c', 'b']) store.watchSlug(slug);
    const state = await store.settledSnapshot();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/bookmarks/state?slug=a&slug=b&slug=c');
    expect(state.user?.email).toBe('an@example.com');
    expect([...state.saved]).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
  });

  it('splits a very long list of slugs into several requests', async () => {
    fetchMock.mockImplementation(() => answer({ user: null, bookmarked: [] }));
    const store = await freshStore();
    for (let i = 0; i < 60; i++) store.watchSlug(`一篇很长很长的文章标题-${i}`);
    await store.settledSnapshot();
    expect(fetchMock.mock.calls.length).toBeGreaterThan(1);
    for (const [url] of fetchMock.mock.calls) expect(String(url).length).toBeLessThan(3200);
  });

  it('shows a save at once and rolls it back when the server refuses', async () => {
    fetchMock.mockImplementationOnce(() => answer({ user: { name: null, email: 'an@example.com' }, bookmarked: [] }));
    const store = await freshStore();
    store.watchSlug('a');
    await store.settledSnapshot();

    let release: (r: Response) => void = () => undefined;
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (release = resolve)));
    const saving = store.saveBookmark('a', true);
    expect(store.getSnapshot().saved.get('a')).toBe(true);
    release(new Response(JSON.stringify({ error: 'server_error' }), { status: 500 }));
    expect(await saving).toEqual({ ok: false, message: '收藏失败，请稍后再试' });
    expect(store.getSnapshot().saved.get('a')).toBe(false);
  });

  it('sends a signed-out reader to sign in when the session has lapsed', async () => {
    fetchMock.mockImplementationOnce(() => answer({ user: { name: null, email: 'an@example.com' }, bookmarked: [] }));
    const store = await freshStore();
    store.watchSlug('a');
    await store.settledSnapshot();
    fetchMock.mockImplementationOnce(() =>
      answer({ error: 'signed_out', signInUrl: '/signin?callbackUrl=%2Farticles%2Fa' }, 401),
    );
    expect(await store.saveBookmark('a', true)).toEqual({
      ok: false,
      signInUrl: '/signin?callbackUrl=%2Farticles%2Fa',
      message: '请先登录',
    });
    expect(store.getSnapshot().user).toBeNull();
    expect(store.getSnapshot().saved.get('a')).toBe(false);
  });

  it('asks again after a navigation, keeping the last answer on screen meanwhile', async () => {
    fetchMock.mockImplementationOnce(() => answer({ user: null, bookmarked: [] }));
    const store = await freshStore();
    const stop = store.watchSlug('a');
    await store.settledSnapshot();
    fetchMock.mockImplementationOnce(() =>
      answer({ user: { name: null, email: 'an@example.com' }, bookmarked: ['a'] }),
    );
    store.refreshReaderState();
    expect(store.getSnapshot().status).toBe('refreshing');
    const after = await store.settledSnapshot();
    expect(after.user?.email).toBe('an@example.com');
    expect(after.saved.get('a')).toBe(true);
    stop();
    await tick();
  });
  it('fetches the reading history with the page state only while 继续阅读 is on screen, and forgets it on sign-out', async () => {
    const item = { slug: 'a', title: '甲', openedAt: '2026-01-01T00:00:00.000Z', progress: 0.4 };
    fetchMock.mockImplementation(() =>
      answer({ user: { name: null, email: 'an@example.com' }, bookmarked: [], history: [item] }),
    );
    const store = await freshStore();
    const stop = store.watchHistory();
    store.watchSlug('a');
    const state = await store.settledSnapshot();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/bookmarks/state?slug=a&history=1');
    expect(state.history).toEqual([item]);

    stop();
    store.refreshReaderState();
    await store.settledSnapshot();
    expect(String(fetchMock.mock.calls[1]?.[0])).toBe('/api/bookmarks/state?slug=a');

    store.markSignedOut();
    expect(store.getSnapshot().history).toEqual([]);
  });

  it('has no history for a signed-out reader', async () => {
    fetchMock.mockImplementation(() => answer({ user: null, bookmarked: [] }));
    const store = await freshStore();
    store.watchHistory();
    expect((await store.settledSnapshot()).history).toEqual([]);
  });
});
