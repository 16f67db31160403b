'use client';
// 继续阅读 on the home page: the signed-in reader's latest articles from any device; nothing at all for anyone else.
import Link from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';
import { articlePath } from '@/lib/content/paths';
import { formatRelativeTime } from '@/lib/format/relative-time';
import { getServerSnapshot, getSnapshot, subscribe, watchHistory } from './reader-state';

/** The reader's own clock and zone decide what 昨天 means. */
function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function progressLabel(progress: number | null): string | null {
  if (progress === null) return null;
  if (progress >= 0.98) return '已读完';
  if (progress < 0.02) return '刚开始读';
  return `读到 ${Math.round(progress * 100)}%`;
}

export function ContinueReading() {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  useEffect(() => watchHistory(), []);

  const items = state.user ? state.history : null;
  if (!items || items.length === 0) return null;
  // Only ever rendered in the browser (the server's snapshot has no reader), so the clock cannot mismatch hydration.
  const now = new Date();
  const zone = readerTimeZone();

  return (
    <section
      aria-labelledby="continue-reading-title"
      data-testid="continue-reading"
      className="mx-auto max-w-3xl px-4 pt-8 print:hidden"
    >
      <h2 id="continue-reading-title" className="text-lg font-bold text-fg">
        继续阅读
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2 sm:gap-3">
        {items.map((item) => {
          const progress = progressLabel(item.progress);
          return (
            <li
              key={item.slug}
              className="relative rounded-lg border border-line px-4 py-3 transition-colors hover:border-accent"
            >
              {/* The link covers the whole card; its text is the title, so it reads well on its own. */}
              <Link
                href={articlePath(item.slug)}
                className="line-clamp-1 font-medium text-fg sm:line-clamp-2 after:absolute after:inset-0 after:rounded-lg hover:text-accent"
              >
                {item.title}
              </Link>
              <p className="mt-1 flex items-center justify-between gap-3 text-sm text-muted sm:mt-2">
                <time dateTime={item.openedAt}>{formatRelativeTime(item.openedAt, now, zone)}</time>
                {progress ? <span>{progress}</span> : null}
              </p>
              {item.progress !== null ? (
                <span aria-hidden="true" className="mt-2 block h-1 overflow-hidden rounded-full bg-line">
                  <span
                    className="block h-full rounded-full bg-accent"
                    style={{ width: `${Math.round(item.progress * 100)}%` }}
                  />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
