'use client';
// 回到顶部: appears once the reader is a screen down; takes them (and keyboard focus) back to the top.
import { useState } from 'react';
import { useScrollFrame } from './use-scroll-frame';

export function BackToTop() {
  const [shown, setShown] = useState(false);
  useScrollFrame(() => setShown(window.scrollY > window.innerHeight));

  const toTop = () => {
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'instant' });
    // Focus goes to the start of the content (the skip link's target), so the next Tab continues from
    // the top rather than from a button that is about to disappear.
    document.getElementById('main')?.focus({ preventScroll: true });
  };

  return (
    <button
      type="button"
      onClick={toTop}
      aria-label="回到顶部"
      title="回到顶部"
      // invisible (not just transparent) keeps the hidden button out of the Tab order.
      className={`fixed right-4 bottom-4 z-30 inline-flex h-11 w-11 items-center justify-center rounded-full border border-line bg-bg text-fg shadow-md hover:bg-surface motion-safe:transition-[opacity,visibility] print:hidden ${shown ? 'visible opacity-100' : 'invisible opacity-0'}`}
    >
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M12 19V5M5 12l7-7 7 7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
