'use client';
// 划线与笔记 on an article page: the 划线笔记 button, and the reader's highlights painted over the text. This
// part is small and runs at once; the toolbar, the painting and the panels (highlight-tools.tsx) load only
// when there is something to show — the reader selects text in the body, has highlights on this article,
// follows a link to one (#hl-…), or opens the panel.
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import {
  getServerSnapshot,
  getSnapshot,
  subscribe,
  watchHighlights,
  watchUser,
} from '@/components/account/reader-state';

const loadTools = () => import('./highlight-tools');
const HighlightTools = lazy(loadTools);

type Props = { slug: string; title: string; url: string; bodyId: string };

function PenIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 20h16" />
      <path d="M14.5 4.5l3 3L9 16H6v-3z" />
    </svg>
  );
}

function selectionTouches(body: HTMLElement): boolean {
  const selection = document.getSelection();
  return Boolean(
    selection && !selection.isCollapsed && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(body),
  );
}

export function HighlightLayer({ slug, title, url, bodyId }: Props) {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const [wanted, setWanted] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  useEffect(() => watchHighlights(slug), [slug]);
  useEffect(() => watchUser(), []);

  useEffect(() => {
    // A link to one highlight (#hl-…): bring the painter at once, after hydration.
    const linked = location.hash.startsWith('#hl-') ? window.setTimeout(() => setWanted(true), 0) : 0;
    const body = document.getElementById(bodyId);
    if (!body) return;
    const onSelection = () => {
      if (selectionTouches(body)) setWanted(true);
    };
    document.addEventListener('selectionchange', onSelection);
    // Text selected before the page finished loading (a fast reader on a slow phone) counts too.
    const early = selectionTouches(body) ? window.setTimeout(() => setWanted(true), 0) : 0;
    return () => {
      window.clearTimeout(early);
      window.clearTimeout(linked);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [bodyId]);

  const items = state.highlights?.slug === slug ? state.highlights.items : [];
  const count = items.length;
  const active = wanted || panelOpen || count > 0;

  return (
    <>
      <button
        type="button"
        onClick={() => setPanelOpen(true)}
        onPointerEnter={() => void loadTools()}
        onFocus={() => void loadTools()}
        aria-haspopup="dialog"
        title="本文的划线与笔记"
        data-testid="highlights-button"
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line px-3 text-sm text-muted transition-colors hover:border-accent hover:text-accent"
      >
        <PenIcon />
        <span>划线笔记</span>
        {count > 0 ? (
          <span className="rounded-full bg-surface px-1.5 text-xs tabular-nums" aria-label={`${count} 条`}>
            {count}
          </span>
        ) : null}
      </button>
      {active ? (
        <Suspense fallback={null}>
          <HighlightTools
            slug={slug}
            title={title}
            url={url}
            bodyId={bodyId}
            items={items}
            ready={state.status === 'ready' || state.status === 'refreshing'}
            signedIn={state.user !== null}
            panelOpen={panelOpen}
            onPanelClose={() => setPanelOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
