'use client';
// Runs a callback at most once per animation frame while the window scrolls or resizes (and once on
// mount), for the reading aids that follow the reader down an article.
import { useEffect, useRef } from 'react';

export function useScrollFrame(onFrame: () => void) {
  const latest = useRef(onFrame);
  useEffect(() => {
    latest.current = onFrame;
  });
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        latest.current();
      });
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, []);
}

/** The article body's box and the window's scroll, in the shape lib/reading/reading-progress expects. */
export function measureArticle(body: HTMLElement) {
  const rect = body.getBoundingClientRect();
  return {
    scrollY: window.scrollY,
    viewportHeight: window.innerHeight,
    top: rect.top + window.scrollY,
    height: rect.height,
  };
}
