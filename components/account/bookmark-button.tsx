'use client';
// Save / unsave an article from a static page: optimistic with JavaScript, a plain form post without it.
import { useRouter } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { articlePath } from '@/lib/content/paths';
import { getServerSnapshot, getSnapshot, saveBookmark, settledSnapshot, subscribe, watchSlug } from './reader-state';

type Props = { slug: string; title: string; compact?: boolean };

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinejoin="round"
    >
      <path d="M6.5 3.5h11a1 1 0 0 1 1 1v16l-6.5-4.2-6.5 4.2v-16a1 1 0 0 1 1-1z" />
    </svg>
  );
}

export function BookmarkButton({ slug, title, compact = false }: Props) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => watchSlug(slug), [slug]);

  // While asking again after a navigation, the last answer stays on screen.
  const saved = (state.status === 'ready' || state.status === 'refreshing') && state.saved.get(slug) === true;
  const path = articlePath(slug);

  async function onClick(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    const form = event.currentTarget.form;
    // A click may come before the reader's state has arrived: act on the server's answer, not a guess.
    const current = await settledSnapshot();
    if (current.status !== 'ready') {
      // The state could not be fetched: fall back to the plain form post ("add", which is idempotent).
      form?.submit();
      return;
    }
    if (!current.user) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(path)}`);
      return;
    }
    setMessage(null);
    const next = current.saved.get(slug) !== true;
    const result = await saveBookmark(slug, next);
    if (result.ok) setMessage({ text: next ? '已收藏' : '已取消收藏', error: false });
    else if (result.signInUrl) router.push(result.signInUrl);
    else setMessage({ text: result.message, error: true });
  }

  const label = `收藏《${title}》`;
  const base =
    'inline-flex items-center gap-1.5 rounded-md border text-sm transition-colors disabled:opacity-60 ' +
    (saved ? 'border-accent bg-accent/10 text-accent' : 'border-line text-muted hover:border-accent hover:text-accent');

  return (
    <form method="post" action="/api/bookmarks" className="inline-flex items-center">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="returnTo" value={path} />
      <button
        type="submit"
        onClick={onClick}
        aria-pressed={saved}
        aria-label={label}
        title={saved ? '已收藏，点击取消' : '收藏'}
        data-state={state.status === 'ready' ? (saved ? 'saved' : 'unsaved') : 'unknown'}
        className={`${base} ${compact ? 'h-8 w-8 justify-center' : 'h-9 px-3'}`}
      >
        <BookmarkIcon filled={saved} />
        {compact ? null : <span aria-hidden="true">{saved ? '已收藏' : '收藏'}</span>}
      </button>
      <span role="status" aria-live="polite" className={message?.error ? 'ml-2 text-xs text-accent' : 'sr-only'}>
        {message?.text}
      </span>
    </form>
  );
}
