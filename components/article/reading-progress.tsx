'use client';
// The thin bar at the very top of an article page showing how much of it has been read.
import { useState } from 'react';
import { readingProgress } from '@/lib/reading/reading-progress';
import { measureArticle, useScrollFrame } from './use-scroll-frame';

export function ReadingProgress({ bodyId }: { bodyId: string }) {
  const [progress, setProgress] = useState(0);
  useScrollFrame(() => {
    const body = document.getElementById(bodyId);
    if (body) setProgress(readingProgress(measureArticle(body)));
  });
  const percent = Math.round(progress * 100);
  return (
    <div
      role="progressbar"
      aria-label="阅读进度"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="pointer-events-none fixed inset-x-0 top-0 z-40 h-[3px] print:hidden"
    >
      {/* Follows the scroll directly, no transition: nothing moves that the reader did not move. */}
      <div className="h-full origin-left bg-accent" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}
