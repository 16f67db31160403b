'use client';
// The article's pictures, made interactive by one island instead of a client-rendered body: it listens on the
// surrounding <article> for clicks on the zoom links ArticleImage renders and opens them full size in the
// picture viewer (image-gallery.tsx, loaded on the first click, or as the pointer or focus reaches a
// picture), and it turns pictures that failed to load (before or after hydration) into their text fallback.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isBrokenImage } from '@/lib/reading/gallery';

export type Slide = { src: string; alt: string; caption: string; trigger: HTMLAnchorElement };

const ZOOM_LINK = 'a.image-zoom';

const loadGallery = () => import('./image-gallery');
// React's own lazy: next/dynamic would add more to every article than the viewer weighs.
const ImageGallery = lazy(loadGallery);

/** Collapse a picture that failed into its fallback (ArticleImage's hidden note), or hide it when it has none. */
function markBroken(img: HTMLImageElement): void {
  const box = img.closest<HTMLElement>('.article-image');
  if (!box || box.hasAttribute('data-broken')) return;
  box.setAttribute('data-broken', '');
  const fallback = box.querySelector<HTMLElement>(':scope > .image-fallback');
  if (fallback) fallback.hidden = false;
}

/** What a reader sees of a caption: without the screen-reader hints and decorative arrows of its links. */
function visibleText(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only, [aria-hidden="true"]').forEach((hint) => hint.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every picture of the article that can be shown, in reading order. */
function slidesIn(root: Element): Slide[] {
  return [...root.querySelectorAll<HTMLAnchorElement>(ZOOM_LINK)].flatMap((trigger) => {
    const img = trigger.querySelector('img');
    if (!img || trigger.closest('[data-broken]')) return [];
    const caption = visibleText(trigger.closest('figure')?.querySelector(':scope > figcaption'));
    return [{ src: img.currentSrc || img.src, alt: img.alt, caption: caption || img.alt, trigger }];
  });
}

export function ImageViewer() {
  const anchor = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState<{ slides: Slide[]; start: number; opened: number } | null>(null);

  useEffect(() => {
    const root = anchor.current?.closest('article');
    if (!root) return;

    const onError = (event: Event) => {
      if (event.target instanceof HTMLImageElement) markBroken(event.target);
    };
    // `error` does not bubble: listen while it travels down. Registered before the sweep below, so a
    // picture that fails in between is still caught; the sweep finds those that failed before hydration.
    root.addEventListener('error', onError, true);
    root.querySelectorAll<HTMLImageElement>('.article-image img').forEach((img) => {
      if (isBrokenImage(img)) markBroken(img);
    });

    // The viewer's code arrives while the reader reaches for a picture, before the click.
    const prefetch = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(ZOOM_LINK)) void loadGallery();
    };
    const onClick = (event: MouseEvent) => {
      // A modified click still opens the picture in a new tab, as links do.
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const trigger = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(ZOOM_LINK) : null;
      if (!trigger) return;
      const all = slidesIn(root);
      const at = all.findIndex((s) => s.trigger === trigger);
      if (at < 0) return;
      event.preventDefault();
      setShown((was) => ({ slides: all, start: at, opened: (was?.opened ?? 0) + 1 }));
    };
    root.addEventListener('pointerover', prefetch, { passive: true });
    root.addEventListener('touchstart', prefetch, { passive: true });
    root.addEventListener('focusin', prefetch);
    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('error', onError, true);
      root.removeEventListener('pointerover', prefetch);
      root.removeEventListener('touchstart', prefetch);
      root.removeEventListener('focusin', prefetch);
      root.removeEventListener('click', onClick);
    };
  }, []);

  return (
    <>
      <span ref={anchor} hidden />
      {shown ? (
        <Suspense fallback={null}>
          <ImageGallery slides={shown.slides} start={shown.start} opened={shown.opened} />
        </Suspense>
      ) : null}
    </>
  );
}
