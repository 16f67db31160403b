// The reader's state on static pages (who is signed in, which articles are saved, what they read lately),
// fetched once per page in one batched request.
import type { BookmarkStateResponse, BookmarkWriteResponse, Highlight } from '@/lib/accounts/api-types';
import type { ContinueReadingItem } from '@/lib/accounts/reading-history';
import { messageOf, sendJson } from './api-client';

export type ReaderUser = {
  name: string | null;
  email: string;
  /** Editors also get a link to /drafts. */ editor?: boolean;
};

export type ReaderSnapshot = {
  /**
   * 'loading' until the first answer; 'refreshing' while asking again after a navigation (the last
   * answer is still shown); 'error' when the server could not be asked.
   */
  status: 'loading' | 'refreshing' | 'ready' | 'error';
  user: ReaderUser | null;
  /** Saved state per slug; a slug missing here has not been asked about yet. */
  saved: ReadonlyMap<string, boolean>;
  /** Saved articles the reader has read (已读); a saved slug not in here is 稍后读. */
  read: ReadonlySet<string>;
  /** 继续阅读, newest first, once a component asked for it (watchHistory); null until then. */
  history: readonly ContinueReadingItem[] | null;
  /** Followed state per `kind:name` asked about (a listing's 关注 button). */
  following: ReadonlyMap<string, boolean>;
  /** How many followed articles are new since the reader last looked at 我的关注 (the header); null until known. */
  followingNew: number | null;
  /** The reader's highlights and note on the article on screen, once it asked for them (watchHighlights). */
  highlights: { slug: string; items: readonly Highlight[] } | null;
};

const initial: ReaderSnapshot = {
  status: 'loading',
  user: null,
  saved: new Map(),
  read: new Set(),
  following: new Map(),
  followingNew: null,
  history: null,
  highlights: null,
};
let snapshot: ReaderSnapshot = initial;
const listeners = new Set<() => void>();

/** How many mounted components watch each slug, so a refresh asks only about what is on screen. */
const watched = new Map<string, number>();
/** Slugs with a write in flight: a state answer that raced the write must not undo the optimistic value. */
const writing = new Map<string, number>();
let pending: Set<string> | null = null;
let userWanted = false;
/** Mounted components showing the reading history (the home page's 继续阅读). */
let historyWatchers = 0;
/** The article whose highlights are painted (one article page at a time). */
let highlightSlug: string | null = null;
/** Follow keys (`kind:name`) whose button is on screen, and whether the header wants the count of new ones. */
const followWatched = new Map<string, number>();
let followCountWanted = false;

function publish(next: Partial<ReaderSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSnapshot = (): ReaderSnapshot => snapshot;
export const getServerSnapshot = (): ReaderSnapshot => initial;

/** Query strings stay well under common URL limits even with many long CJK slugs. */
const MAX_QUERY_LENGTH = 3000;

function chunks(slugs: string[]): string[][] {
  const out: string[][] = [[]];
  let length = 0;
  for (const slug of slugs) {
    const cost = encodeURIComponent(slug).length + 6;
    if (length + cost > MAX_QUERY_LENGTH && out[out.length - 1]!.length > 0) {
      out.push([]);
      length = 0;
    }
    out[out.length - 1]!.push(slug);
    length += cost;
  }
  return out;
}

async function fetchState(slugs: string[], history: boolean, highlightsOf: string | null): Promise<void> {
  try {
    const answers = await Promise.all(
      chunks(slugs).map(async (group, i) => {
        const query = [
          ...group.map((s) => `slug=${encodeURIComponent(s)}`),
          ...(history && i === 0 ? ['history=1'] : []),
          ...(highlightsOf !== null && i === 0 ? [`highlights=${encodeURIComponent(highlightsOf)}`] : []),
          ...(i === 0 ? [...followWatched.keys()].map((k) => `follow=${encodeURIComponent(k)}`) : []),
          ...(followCountWanted && i === 0 ? ['follows=1'] : []),
        ].join('&');
        const res = await fetch(`/api/bookmarks/state${query ? `?${query}` : ''}`, {
          cache: 'no-store',
          credentials: 'same-origin',
        });
        if (!res.ok) throw new Error(`state request failed with ${res.status}`);
        return (await res.json()) as BookmarkStateResponse;
      }),
    );
    const saved = new Map(snapshot.saved);
    const read = new Set(snapshot.read);
    const yes = new Set(answers.flatMap((a) => a.bookmarked));
    const done = new Set(answers.flatMap((a) => a.read ?? []));
    for (const slug of slugs) {
      if (!writing.has(slug)) saved.set(slug, yes.has(slug));
      if (done.has(slug)) read.add(slug);
      else read.delete(slug);
    }
    const user = answers[0]?.user ?? null;
    const followingNow = new Map(snapshot.following);
    const followed = new Set(answers[0]?.following ?? []);
    for (const key of followWatched.keys()) if (!followWriting.has(key)) followingNow.set(key, followed.has(key));
    publish({
      following: followingNow,
      followingNew: user ? (answers[0]?.followingNew ?? snapshot.followingNew) : null,
      status: 'ready',
      user,
      saved,
      read,
      history: history ? (user ? (answers[0]?.history ?? []) : []) : snapshot.history,
      highlights:
        highlightsOf !== null
          ? { slug: highlightsOf, items: user ? (answers[0]?.highlights ?? []) : [] }
          : snapshot.highlights,
    });
  } catch {
    // Keep a stale answer rather than none; with no answer at all, buttons fall back to plain form posts.
    publish({ status: snapshot.status === 'loading' ? 'error' : 'ready' });
  }
}

function settled(s: ReaderSnapshot): boolean {
  return s.status === 'ready' || s.status === 'error';
}

/** The state once the server has answered (asking now if nobody has yet). */
export function settledSnapshot(): Promise<ReaderSnapshot> {
  if (settled(snapshot)) return Promise.resolve(snapshot);
  if (!pending) schedule([]);
  return new Promise((resolve) => {
    const stop = subscribe(() => {
      if (settled(snapshot)) {
        stop();
        resolve(snapshot);
      }
    });
  });
}

let refreshAll = false;

/** Collects every request made while a page mounts into one fetch. */
function schedule(slugs: Iterable<string>, everything = false): void {
  if (!pending) {
    pending = new Set();
    setTimeout(() => {
      // Read the watched set at flush time, after every component of the new page has registered.
      const batch = new Set([...(pending ?? []), ...(refreshAll ? watched.keys() : [])]);
      pending = null;
      refreshAll = false;
      void fetchState([...batch], historyWatchers > 0, highlightSlug);
    }, 0);
  }
  refreshAll ||= everything;
  for (const slug of slugs) pending.add(slug);
}

/** Registers a mounted bookmark button; returns its cleanup. */
export function watchSlug(slug: string): () => void {
  watched.set(slug, (watched.get(slug) ?? 0) + 1);
  if (!snapshot.saved.has(slug) || !settled(snapshot)) schedule([slug]);
  return () => {
    const n = (watched.get(slug) ?? 1) - 1;
    if (n <= 0) watched.delete(slug);
    else watched.set(slug, n);
  };
}

/** Registers a mounted 继续阅读 list: the reader's history rides along with the page's state request. Returns its cleanup. */
export function watchHistory(): () => void {
  historyWatchers += 1;
  if (snapshot.history === null || !settled(snapshot)) schedule([]);
  return () => {
    historyWatchers -= 1;
  };
}

/** Registers an article page's highlight layer: its highlights ride along with the page's state request. */
export function watchHighlights(slug: string): () => void {
  highlightSlug = slug;
  if (snapshot.highlights?.slug !== slug || !settled(snapshot)) schedule([]);
  return () => {
    if (highlightSlug === slug) highlightSlug = null;
  };
}

/** Applies a change the page made to the reader's highlights (before or after the server confirms it). */
export function updateHighlights(slug: string, change: (items: readonly Highlight[]) => readonly Highlight[]): void {
  const current = snapshot.highlights?.slug === slug ? snapshot.highlights.items : [];
  publish({ highlights: { slug, items: change(current) } });
}

const followWriting = new Set<string>();

/** Registers a 关注 button for `kind:name`; returns its cleanup. */
export function watchFollow(key: string): () => void {
  followWatched.set(key, (followWatched.get(key) ?? 0) + 1);
  if (!snapshot.following.has(key) || !settled(snapshot)) schedule([]);
  return () => {
    const n = (followWatched.get(key) ?? 1) - 1;
    if (n <= 0) followWatched.delete(key);
    else followWatched.set(key, n);
  };
}

/** The header asks, with every state request, how many followed articles are new. */
export function watchFollowCount(): void {
  followCountWanted = true;
}

/** Sets the new-articles count (我的关注 marks them seen). */
export function setFollowingNew(count: number): void {
  publish({ followingNew: count });
}

/** Follows or unfollows: optimistic, confirmed by the server, rolled back with a message. */
export async function saveFollow(kind: string, name: string, on: boolean): Promise<SaveResult> {
  const key = `${kind}:${name}`;
  const before = snapshot.following.get(key) ?? false;
  followWriting.add(key);
  publish({ following: new Map(snapshot.following).set(key, on) });
  const settle = (value: boolean) => {
    followWriting.delete(key);
    publish({ following: new Map(snapshot.following).set(key, value) });
  };
  try {
    const res = await sendJson('/api/follows', 'POST', { kind, name, follow: on });
    const body = res.json as { following?: boolean } | null;
    if (res.ok && typeof body?.following === 'boolean') {
      settle(body.following);
      return { ok: true };
    }
    settle(before);
    if (res.status === 401) {
      publish({ user: null });
      return { ok: false, signInUrl: '/signin', message: '请先登录' };
    }
    return { ok: false, message: messageOf(res.json, '没有保存，请稍后再试') };
  } catch {
    settle(before);
    return { ok: false, message: '网络异常，没有保存' };
  }
}

/** Makes sure the signed-in reader is known (the header menu). */
export function watchUser(): void {
  if (!userWanted) {
    userWanted = true;
    if (!settled(snapshot)) schedule([]);
  }
}

/** Asks again about the reader and every slug on screen (after navigation, sign-in or sign-out). */
export function refreshReaderState(): void {
  if (snapshot.status === 'ready' || snapshot.status === 'error')
    publish({ status: snapshot.status === 'ready' ? 'refreshing' : 'loading' });
  schedule([], true);
}

/** Forgets the reader at once when they sign out, before the server confirms it. */
export function markSignedOut(): void {
  publish({
    status: 'ready',
    user: null,
    saved: new Map([...snapshot.saved.keys()].map((s) => [s, false])),
    read: new Set(),
    following: new Map([...snapshot.following.keys()].map((k) => [k, false])),
    followingNew: null,
    history: [],
    highlights: snapshot.highlights ? { slug: snapshot.highlights.slug, items: [] } : null,
  });
}

export type SaveResult = { ok: true } | { ok: false; signInUrl?: string; message: string };

/** Optimistically sets a bookmark, confirms it with the server, and rolls back on failure. */
export async function saveBookmark(slug: string, bookmarked: boolean): Promise<SaveResult> {
  const before = snapshot.saved.get(slug) ?? false;
  writing.set(slug, (writing.get(slug) ?? 0) + 1);
  publish({ saved: new Map(snapshot.saved).set(slug, bookmarked) });
  const settle = (value: boolean) => {
    const n = (writing.get(slug) ?? 1) - 1;
    if (n <= 0) writing.delete(slug);
    else writing.set(slug, n);
    // A later click's optimistic value wins over this request's outcome.
    if (n <= 0) publish({ saved: new Map(snapshot.saved).set(slug, value) });
  };
  try {
    const res = await fetch('/api/bookmarks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ slug, bookmarked }),
      credentials: 'same-origin',
    });
    const body = (await res.json().catch(() => ({ error: 'bad_response' }))) as BookmarkWriteResponse;
    if ('bookmarked' in body) {
      settle(body.bookmarked);
      return { ok: true };
    }
    settle(before);
    if (res.status === 401) {
      publish({ user: null });
      return { ok: false, signInUrl: 'signInUrl' in body ? body.signInUrl : undefined, message: '请先登录' };
    }
    return { ok: false, message: res.status === 404 ? '这篇文章已下线，无法收藏' : '收藏失败，请稍后再试' };
  } catch {
    settle(before);
    return { ok: false, message: '网络异常，收藏未保存' };
  }
}

/** Marks a saved article 已读 or back to 稍后读: optimistic, rolled back with a message if refused. */
export async function markRead(slug: string, read: boolean): Promise<SaveResult> {
  const before = snapshot.read.has(slug);
  const apply = (value: boolean) => {
    const next = new Set(snapshot.read);
    if (value) next.add(slug);
    else next.delete(slug);
    publish({ read: next });
  };
  apply(read);
  try {
    const res = await sendJson('/api/bookmarks/read', 'POST', { slug, read });
    if (res.ok) return { ok: true };
    apply(before);
    if (res.status === 401) publish({ user: null });
    return { ok: false, message: messageOf(res.json, '没有保存，请稍后再试') };
  } catch {
    apply(before);
    return { ok: false, message: '网络异常，没有保存' };
  }
}
