'use client';
// The results region of /search: HTML made on the server (lib/search/results-html.ts), shown as it came.
// It carries the address and the document title of the results it shows (data-address, data-title), so
// that what `npm start` put together — the page's shell rendered without a query, with a query's results
// put inside this element (server/search-include.mjs) — stays right in the browser:
// - hydrating, React keeps HTML it was handed as a string, and the title is set from data-title;
// - a tree the router restores for such a page (back to it after leaving) is the shell's, showing no
//   results: the address differs from the page's, and the region fetches its results from /search/results.
// Links in the results open through the router, and prefetch when the reader reaches for them, like the
// site's other links (components/layout/intent-link.tsx).
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { RESULTS_END, RESULTS_REGION_ID, RESULTS_START } from '@/lib/search/results-region.mjs';
import { parseSearchParams, searchPath } from '@/lib/search/search-path';

type Props = { html: string; address: string; title: string };

/** The same-site address of the link an event happened in, if any. */
function linkOf(event: SyntheticEvent): { anchor: HTMLAnchorElement; href: string } | null {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || !href.startsWith('/') || href.startsWith('//')) return null;
  return { anchor, href };
}

/** The result page an address names, spelled as the region names it. */
function addressOf(location: { search: string }): string {
  const { query, page } = parseSearchParams(new URLSearchParams(location.search));
  return searchPath(query, page);
}

export function SearchResultsRegion({ html, address, title }: Props) {
  const router = useRouter();
  const params = useSearchParams();
  const region = useRef<HTMLDivElement>(null);
  const wanted = addressOf({ search: params.toString() });

  // The document title is the shell's once React has hydrated the head (its <title> is React's); the
  // region says which title its results have, and keeps the document's equal to it.
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const keep = () => {
      // Not once the reader has moved on (the new page's title is being set).
      if (!el.isConnected || el.dataset.address !== addressOf(window.location)) return;
      if (el.dataset.title && document.title !== el.dataset.title) document.title = el.dataset.title;
    };
    keep();
    const observer = new MutationObserver(keep);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = region.current;
    if (!el || el.dataset.address === wanted) return;
    const controller = new AbortController();
    el.setAttribute('aria-busy', 'true');
    const at = wanted.indexOf('?');
    fetch(`/search/results${at === -1 ? '' : wanted.slice(at)}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`/search/results answered ${response.status}`);
        const fragment = await response.text();
        el.innerHTML = fragment;
        el.dataset.address = wanted;
        const fetchedTitle = response.headers.get('x-search-title');
        if (fetchedTitle) el.dataset.title = document.title = decodeURIComponent(fetchedTitle);
        el.removeAttribute('aria-busy');
      })
      .catch(() => {
        // Offline or refused: load the page itself, which the server renders whole.
        if (!controller.signal.aborted) window.location.assign(wanted);
      });
    return () => {
      controller.abort();
      el.removeAttribute('aria-busy');
    };
  }, [wanted]);

  const reach = (event: SyntheticEvent) => {
    const link = linkOf(event);
    if (link) router.prefetch(link.href);
  };

  return (
    <div
      id={RESULTS_REGION_ID}
      ref={region}
      data-address={address}
      data-title={title}
      suppressHydrationWarning
      onPointerOver={reach}
      onTouchStart={reach}
      onFocus={reach}
      onClick={(event) => {
        const link = linkOf(event);
        if (!link || event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.anchor.target) return;
        event.preventDefault();
        router.push(link.href);
      }}
      dangerouslySetInnerHTML={{ __html: RESULTS_START + html + RESULTS_END }}
    />
  );
}
