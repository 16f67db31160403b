'use client';
// The table of contents' links, with the section being read marked (aria-current="location") as the
// reader scrolls. Without JavaScript it is the same plain list of links.
import { useEffect, useState } from 'react';
import type { TocEntry } from '@/lib/render/types';

/** A heading counts as "being read" once it has risen into the top third of the window. */
const READING_LINE = 0.3;

function useActiveSection(ids: string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  const key = ids.join('\n');

  useEffect(() => {
    const headings = key
      .split('\n')
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;
    // The observer only says when something crosses the reading band (the window's top third); the
    // answer comes from the headings' positions. Watching every block of the text, not just the
    // headings, catches jumps too (a TOC link, back-to-top, a restored place): a heading that leaps
    // from below the window to above it never intersects the band, but the blocks around it do.
    const update = () => {
      const line = window.innerHeight * READING_LINE;
      let current: string | null = null;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= line) current = heading.id;
        else break;
      }
      setActive(current);
    };
    const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px` });
    const blocks = headings[0]!.closest('.prose-article')?.children ?? [];
    for (const el of [...headings, ...blocks]) observer.observe(el);
    update();
    return () => observer.disconnect();
  }, [key]);

  return active;
}

export function TocLinks({ toc }: { toc: TocEntry[] }) {
  const active = useActiveSection(toc.map((entry) => entry.id));
  return (
    <ol className="space-y-1.5 text-sm leading-snug">
      {toc.map((entry) => (
        <li key={entry.id}>
          <a
            href={`#${entry.id}`}
            aria-current={entry.id === active ? 'location' : undefined}
            className="block rounded border-s-2 border-transparent px-2 py-1 text-muted hover:bg-surface hover:text-fg aria-[current=location]:border-accent aria-[current=location]:font-semibold aria-[current=location]:text-fg"
          >
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}
