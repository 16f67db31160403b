'use client';
// 关注 / 已关注 on a category's, author's or tag's page (and on 我的关注): optimistic, a sign-in for visitors.
import { useRouter } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getServerSnapshot, getSnapshot, saveFollow, settledSnapshot, subscribe, watchFollow } from './reader-state';

type Props = { kind: 'category' | 'author' | 'tag'; name: string; label: string; returnTo: string };

export function FollowButton({ kind, name, label, returnTo }: Props) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const router = useRouter();
  const key = `${kind}:${name}`;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => watchFollow(key), [key]);
  const known = state.status === 'ready' || state.status === 'refreshing';
  const following = known && state.following.get(key) === true;

  async function onClick() {
    const current = await settledSnapshot();
    if (!current.user) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
      return;
    }
    const next = !(current.following.get(key) === true);
    setMessage(null);
    const result = await saveFollow(kind, name, next);
    if (result.ok) setMessage({ text: next ? `已关注${label}“${name}”` : `已取消关注${label}“${name}”`, error: false });
    else if (result.signInUrl) router.push(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    else setMessage({ text: result.message, error: true });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void onClick()}
        aria-pressed={following}
        aria-label={`关注${label}“${name}”`}
        data-state={known ? (following ? 'following' : 'not-following') : 'unknown'}
        className={`inline-flex h-9 items-center rounded-md border px-3 text-sm transition-colors ${following ? 'border-accent bg-accent/10 text-accent' : 'border-line text-fg hover:border-accent hover:text-accent'}`}
      >
        {following ? '✓ 已关注' : '+ 关注'}
      </button>
      <span role="status" aria-live="polite" className={message?.error ? 'text-sm text-accent' : 'sr-only'}>
        {message?.text}
      </span>
    </span>
  );
}
