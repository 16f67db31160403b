'use client';
// The picture viewer itself: a modal <dialog> with the picture full size, its caption, 上一张/下一张, swipe
// and the keyboard. Loaded the first time a reader opens a picture (image-viewer.tsx), never with the page.
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent,
} from 'react';
import { stepIndex, swipeStep } from '@/lib/reading/gallery';
import type { Slide } from './image-viewer';

/** The elements Tab can reach inside the dialog, to keep focus going round inside it. */
function focusables(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>('button, a[href]')].filter(
    (el) => !el.hasAttribute('disabled') && el.offsetParent !== null,
  );
}

const control =
  'inline-flex h-11 min-w-11 items-center justify-center rounded-full bg-white/10 px-3 text-white hover:bg-white/20 focus-visible:outline-white';

/** The viewer's line icons (close, previous, next), drawn in the text colour. */
function Icon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

/**
 * Shows `slides` from `start`; opens again each time `opened` changes (the reader clicked another picture).
 */
export default function ImageGallery({ slides, start, opened }: { slides: Slide[]; start: number; opened: number }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(start);
  const [shownFor, setShownFor] = useState(opened);
  const gesture = useRef<{ x: number; y: number; onBackdrop: boolean; swiped: boolean } | null>(null);
  // A new opening starts at the picture clicked.
  if (shownFor !== opened) {
    setShownFor(opened);
    setIndex(start);
  }
  const slide = slides[index];

  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus starts on 关闭 (the modal would pick the first control, 打开原图): Esc or Enter leaves at once.
    closeButton.current?.focus();
  }, [opened]);

  const step = (delta: number) => setIndex((i) => stepIndex(i, slides.length, delta));
  const close = () => dialogRef.current?.close();

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'ArrowRight' && slides.length > 1) {
      event.preventDefault();
      step(1);
    } else if (event.key === 'ArrowLeft' && slides.length > 1) {
      event.preventDefault();
      step(-1);
    } else if (event.key === 'Tab') {
      // The page behind is inert already; this keeps Tab from leaving for the browser's own toolbar.
      const items = focusables(event.currentTarget);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (
        event.shiftKey &&
        (document.activeElement === first || !event.currentTarget.contains(document.activeElement))
      ) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function onPointerDown(event: PointerEvent<HTMLDialogElement>) {
    gesture.current = {
      x: event.clientX,
      y: event.clientY,
      onBackdrop: event.target === event.currentTarget,
      swiped: false,
    };
  }

  function onPointerUp(event: PointerEvent<HTMLDialogElement>) {
    const start = gesture.current;
    if (!start) return;
    const delta = swipeStep(event.clientX - start.x, event.clientY - start.y);
    if (delta === 0) return;
    start.swiped = true;
    if (slides.length > 1) step(delta);
  }

  function onClick(event: ReactMouseEvent<HTMLDialogElement>) {
    // A press and release on the dark area around the picture closes, as in every photo viewer; the end of
    // a swipe does not. On click, not pointerup: closing before a tap's click would let it land on the page.
    const start = gesture.current;
    gesture.current = null;
    if (event.target === event.currentTarget && start?.onBackdrop && !start.swiped) close();
  }

  function onClose() {
    // Back to the picture being shown (the one that opened the viewer, unless the reader moved on), in view.
    slide?.trigger.focus();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-label="查看大图"
      className="image-viewer m-0 h-dvh max-h-none w-full max-w-none touch-pan-y touch-pinch-zoom flex-col overscroll-contain bg-black/95 p-0 text-white backdrop:bg-black/70 open:flex print:hidden"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (gesture.current = null)}
      onClick={onClick}
      onClose={onClose}
    >
      <div className="flex items-center justify-between gap-3 p-2 sm:p-3">
        <p className="px-2 text-sm text-white/80 tabular-nums" aria-live="polite">
          {slides.length > 1 ? `第 ${index + 1} 张，共 ${slides.length} 张` : null}
        </p>
        <div className="flex items-center gap-2">
          {slide ? (
            <a
              href={slide.src}
              target="_blank"
              rel="noopener noreferrer"
              referrerPolicy="no-referrer"
              className={`${control} text-sm no-underline`}
            >
              打开原图<span className="sr-only">（在新标签页打开）</span>
            </a>
          ) : null}
          <button ref={closeButton} type="button" onClick={close} className={control} aria-label="关闭">
            <Icon path="M6 6l12 12M18 6L6 18" />
          </button>
        </div>
      </div>
      {slide ? (
        <figure className="pointer-events-none m-0 flex min-h-0 flex-1 flex-col items-center justify-center gap-3 px-2 pb-4 sm:px-16">
          {/* eslint-disable-next-line @next/next/no-img-element -- the same hotlinked address the page shows, without a referrer */}
          <img
            key={slide.src}
            src={slide.src}
            alt={slide.alt}
            referrerPolicy="no-referrer"
            className="pointer-events-auto min-h-0 max-w-full flex-initial object-contain select-none"
            draggable={false}
          />
          {slide.caption ? (
            <figcaption className="pointer-events-auto max-w-[40em] px-2 text-center text-sm leading-relaxed text-white/90">
              {slide.caption}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {slides.length > 1 ? (
        <div className="flex justify-center gap-4 p-3 sm:pointer-events-none sm:absolute sm:inset-x-0 sm:top-1/2 sm:-translate-y-1/2 sm:justify-between">
          <button
            type="button"
            className={`${control} sm:pointer-events-auto`}
            onClick={() => step(-1)}
            aria-label="上一张"
          >
            <Icon path="M15 5l-7 7 7 7" />
          </button>
          <button
            type="button"
            className={`${control} sm:pointer-events-auto`}
            onClick={() => step(1)}
            aria-label="下一张"
          >
            <Icon path="M9 5l7 7-7 7" />
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
