'use client';
// Brings a returning reader back to where they stopped in this article (kept per slug in localStorage,
// see lib/reading/reading-positions), with a small notice offering to start over instead. A link to a
// section (#hash) or a place the browser already restored wins over the remembered one.
import { useEffect, useRef, useState } from 'react';
import { bodyOffset, readingProgress, scrollYForOffset } from '@/lib/reading/reading-progress';
import {
  POSITIONS_STORAGE_KEY,
  forgetPosition,
  parsePositions,
  positionOf,
  rememberPosition,
} from '@/lib/reading/reading-positions';
import { measureArticle, useScrollFrame } from './use-scroll-frame';

const SAVE_DELAY_MS = 400;

function load() {
  try {
    return parsePositions(localStorage.getItem(POSITIONS_STORAGE_KEY));
  } catch {
    return {};
  }
}

/** Saves the place (or forgets it: back at the top, or read to the end). */
function store(slug: string, offset: number | null) {
  const positions = load();
  const next =
    offset === null ? forgetPosition(positions, slug) : rememberPosition(positions, slug, offset, Date.now());
  if (next === positions) return;
  try {
    localStorage.setItem(POSITIONS_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the place is simply not remembered.
  }
}

export function ReadingPosition({ slug, bodyId }: { slug: string; bodyId: string }) {
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  // Nothing is saved until the restore decision is made, or the first measurement (at the top of the
  // page) would forget the very place about to be restored.
  const ready = useRef(false);
  const pending = useRef<{ offset: number | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const saved = positionOf(load(), slug);
    const frame = requestAnimationFrame(() => {
      const body = document.getElementById(bodyId);
      if (saved !== null && body && !location.hash && window.scrollY < 50) {
        const top = scrollYForOffset(saved, measureArticle(body));
        window.scrollTo({ top, behavior: 'instant' });
        setRestoredAt(window.scrollY);
      }
      ready.current = true;
    });
    const flush = () => {
      clearTimeout(timer.current);
      if (pending.current) store(slug, pending.current.offset);
      pending.current = null;
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush(); // leaving for another page inside the site
    };
  }, [slug, bodyId]);

  useScrollFrame(() => {
    const body = document.getElementById(bodyId);
    if (!ready.current || !body) return;
    const box = measureArticle(body);
    pending.current = { offset: readingProgress(box) >= 1 ? null : bodyOffset(box) };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (pending.current) store(slug, pending.current.offset);
      pending.current = null;
    }, SAVE_DELAY_MS);
    // The notice has done its job once the reader has moved on a screen from where they were put.
    if (restoredAt !== null && Math.abs(window.scrollY - restoredAt) > window.innerHeight) setRestoredAt(null);
  });

  const leave = () => {
    setRestoredAt(null);
    // The button that had focus disappears; the content start is the sensible next stop.
    document.getElementById('main')?.focus({ preventScroll: true });
  };
  const startOver = () => {
    store(slug, null);
    pending.current = null;
    window.scrollTo({
      top: 0,
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
    });
    leave();
  };

  return (
    <div
      role="status"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-30 flex justify-start sm:inset-x-0 sm:justify-center print:hidden"
    >
      {restoredAt !== null ? (
        <div className="pointer-events-auto mr-14 flex items-center gap-1 rounded-full border border-line bg-bg py-1 ps-4 pe-1 text-sm text-fg shadow-md sm:mr-0">
          <span className="py-1.5">已回到上次读到的位置</span>
          <button
            type="button"
            onClick={startOver}
            className="rounded-full px-3 py-1.5 font-medium text-accent hover:bg-surface"
          >
            从头读
          </button>
          <button
            type="button"
            onClick={leave}
            aria-label="关闭提示"
            className="inline-flex h-8 w-8 items-center justify-center rounded-full text-muted hover:bg-surface hover:text-fg"
          >
            <svg
              width="14"
              height="14"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.4"
              aria-hidden="true"
            >
              <path d="M6 6l12 12M18 6 6 18" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ) : null}
    </div>
  );
}
