'use client';
// Records a signed-in reader's visit to this article (for 继续阅读) and, when they leave, how far down it they got.
import { useEffect, useRef } from 'react';
import { readingProgress } from '@/lib/reading/reading-progress';
import { settledSnapshot } from './reader-state';
import { measureArticle, useScrollFrame } from '../article/use-scroll-frame';

/** `bodyId`: the article text's element, measured the same way as the progress bar, so both say the same. */
type Props = { slug: string; bodyId: string };

const ENDPOINT = '/api/reading-history';

function post(body: { slug: string; progress?: number }, keepalive = false): Promise<boolean> {
  return fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    // keepalive lets the last report outlive the page (tab closed, app switched away on a phone).
    keepalive,
  }).then(
    (res) => res.ok,
    () => false,
  );
}

/** Moves `furthest` down to where the reader is now, if that is further; returns it. */
function advance(furthest: { current: number }, bodyId: string): number {
  const body = document.getElementById(bodyId);
  if (body) furthest.current = Math.max(furthest.current, readingProgress(measureArticle(body)));
  return furthest.current;
}

/**
 * Renders nothing. Signed-out readers send nothing: whether someone is signed in comes from the
 * reader state the page fetches anyway (one batched request), not from a request of its own.
 */
export function ReadingRecorder({ slug, bodyId }: Props) {
  // The furthest point of this visit: scrolling back up to reread a passage does not undo it.
  const furthest = useRef(0);
  useScrollFrame(() => advance(furthest, bodyId));

  useEffect(() => {
    let active = true;
    let reported = -1;
    let recorded: Promise<boolean> | null = null;

    const report = (keepalive: boolean) => {
      if (!recorded) return;
      const progress = Math.round(advance(furthest, bodyId) * 100) / 100;
      if (progress === reported) return;
      reported = progress;
      void recorded.then((ok) => (ok ? post({ slug, progress }, keepalive) : false));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') report(true);
    };
    const onPageHide = () => report(true);

    void settledSnapshot().then((state) => {
      if (active && state.user) recorded = post({ slug });
    });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      active = false;
      // Leaving by a link inside the site unmounts this without hiding the page.
      report(false);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [slug, bodyId]);
  return null;
}
