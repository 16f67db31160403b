'use client';
// Beside 收藏 on an article page, once the article is saved: 稍后读 / 已读 (marked 已读 by itself when the reader
// reaches the end of the text, with 撤销) and 收藏夹 (its dialog loads when first opened). Loaded by
// saved-options-slot.tsx only for a reader who has saved the article.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getServerSnapshot, getSnapshot, markRead, refreshReaderState, subscribe } from './reader-state';

const loadDialog = () => import('./collections-dialog');
const CollectionsDialog = lazy(loadDialog);

type Props = { slug: string; title: string; endId: string };

export default function SavedOptions({ slug, title, endId }: Props) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ text: string; undo?: boolean } | null>(null);
  const autoMarked = useRef(false);
  // While asking again (after a navigation or a change elsewhere) the last answer stands.
  const known = state.status === 'ready' || state.status === 'refreshing';
  const saved = known && state.user !== null && state.saved.get(slug) === true;
  const read = state.read.has(slug);

  // Reaching the end of the text marks a saved, unread article 已读, once per visit (撤销 puts it back).
  useEffect(() => {
    const end = document.getElementById(endId);
    if (!saved || read || autoMarked.current || !end || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      // Only a reader who scrolled there: a short article whose end shows at once has not been read yet.
      if (!entries.some((e) => e.isIntersecting) || autoMarked.current || window.scrollY <= 0) return;
      autoMarked.current = true;
      observer.disconnect();
      void markRead(slug, true).then((r) =>
        setMessage(r.ok ? { text: '读完了，已标为已读', undo: true } : { text: r.message }),
      );
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [endId, read, saved, slug]);

  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), message.undo ? 8000 : 4000);
    return () => window.clearTimeout(timer);
  }, [message]);

  const close = useCallback(() => setOpen(false), []);
  const dialog = open ? (
    <Suspense fallback={null}>
      <CollectionsDialog slug={slug} title={title} onClose={close} onSaved={refreshReaderState} />
    </Suspense>
  ) : null;
  // The dialog stays open while the state refreshes behind it.
  if (!saved) return dialog;
  const button =
    'inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-sm transition-colors ' +
    'border-line text-muted hover:border-accent hover:text-accent';
  return (
    <>
      <button
        type="button"
        aria-pressed={read}
        title={read ? '已读，点击改回稍后读' : '稍后读，点击标为已读'}
        onClick={() =>
          void markRead(slug, !read).then((r) =>
            setMessage({ text: r.ok ? (read ? '已改回稍后读' : '已标为已读') : r.message }),
          )
        }
        className={`${button} ${read ? 'border-accent text-accent' : ''}`}
        data-testid="read-state"
      >
        {read ? '✓ 已读' : '稍后读'}
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        className={button}
      >
        收藏夹
      </button>
      <span role="status" aria-live="polite" className={message ? 'text-sm text-muted' : 'sr-only'}>
        {message?.text}
        {message?.undo ? (
          <button
            type="button"
            className="ml-2 text-accent underline"
            onClick={() => {
              setMessage(null);
              void markRead(slug, false).then((r) => setMessage({ text: r.ok ? '已改回稍后读' : r.message }));
            }}
          >
            撤销
          </button>
        ) : null}
      </span>
      {dialog}
    </>
  );
}
