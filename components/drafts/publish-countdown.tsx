'use client';
// The time left before a scheduled article goes live, ticking: every second in its last hour, every
// half-minute before. Server-rendered with the server's clock, so the page reads right without JavaScript.
import { useEffect, useState } from 'react';
import { formatCountdown } from '@/lib/format/countdown';

export function PublishCountdown({ at, renderedAt }: { at: number; renderedAt: number }) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, at - Date.now() < 3_600_000 ? 1000 : 30_000);
    return () => clearInterval(timer);
  }, [at]);
  const text = formatCountdown(at, now);
  return (
    <span className="tabular-nums" data-countdown={at}>
      {now >= at ? `${text}，刷新后可见` : text}
    </span>
  );
}
