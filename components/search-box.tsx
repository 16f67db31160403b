'use client';
// The site search box. Without JavaScript it is a GET form to /search. With it, results follow the
// reader's typing (debounced, never mid-IME-composition) and the URL follows the query; "/" focuses it.
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useCallback, useEffect, useId, useRef, useState, useTransition, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type Ref } from 'react';
import { SEARCH_PATH, searchPath } from '@/lib/search/search-path';

const DEBOUNCE_MS = 250;

type Variant = 'header' | 'page';
type Props = { variant?: Variant };

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={className} fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

/** True when a keystroke belongs to something the reader is typing into. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const INPUT_CLASS =
  'h-9 w-full rounded-md border border-line bg-surface px-3 text-[0.95rem] text-fg placeholder:text-muted focus:border-accent focus:bg-bg focus:outline-none';

type FormProps = {
  variant: Variant;
  inputId: string;
  defaultValue: string;
  open?: boolean;
  pending?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onInput?: () => void;
  onCompositionStart?: () => void;
  onCompositionEnd?: () => void;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  onKeyDown?: (event: ReactKeyboardEvent<HTMLInputElement>) => void;
  onClose?: () => void;
};

/** The markup, shared by the live box and the server-rendered stand-in shown before hydration. */
function SearchForm({
  variant,
  inputId,
  defaultValue,
  open = false,
  pending = false,
  inputRef,
  onInput,
  onCompositionStart,
  onCompositionEnd,
  onSubmit,
  onKeyDown,
  onClose,
}: FormProps) {
  const header = variant === 'header';
  // On phones the header shows only an icon; opening it lays the box over the header row.
  const formClass = header
    ? open
      ? 'absolute inset-x-0 top-0 z-40 flex h-14 items-center gap-2 bg-bg px-4'
      : 'hidden sm:flex sm:items-center'
    : 'flex items-center gap-2';
  return (
    <form role="search" action={SEARCH_PATH} method="get" onSubmit={onSubmit} className={formClass}>
      <label htmlFor={inputId} className="sr-only">
        搜索文章
      </label>
      <span className={`relative block ${header ? (open ? 'flex-1' : 'w-40 transition-[width] focus-within:w-60 lg:w-48 lg:focus-within:w-72') : 'flex-1'}`}>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder={header ? '搜索（按 / 键）' : '输入关键词'}
          enterKeyHint="search"
          autoComplete="off"
          maxLength={64}
          onInput={onInput}
          onCompositionStart={onCompositionStart}
          onCompositionEnd={onCompositionEnd}
          onKeyDown={onKeyDown}
          className={`${INPUT_CLASS} ${variant === 'page' ? 'h-11 text-base' : ''}`}
        />
        {pending ? (
          <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 text-xs text-muted" aria-hidden="true">
            …
          </span>
        ) : null}
      </span>
      {variant === 'page' ? (
        <button type="submit" className="h-11 shrink-0 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90">
          搜索
        </button>
      ) : null}
      {open ? (
        <button type="button" onClick={onClose} className="shrink-0 rounded-md px-2 py-1.5 text-sm text-muted hover:text-fg">
          取消
        </button>
      ) : null}
    </form>
  );
}

function PhoneOpener({ onOpen }: { onOpen?: () => void }) {
  // A real link, so a phone without JavaScript still reaches the search page and its form.
  return (
    <Link
      href={SEARCH_PATH}
      aria-label="搜索"
      onClick={
        onOpen
          ? (event) => {
              event.preventDefault();
              onOpen();
            }
          : undefined
      }
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-muted hover:bg-surface hover:text-fg sm:hidden"
    >
      <SearchIcon className="h-5 w-5" />
    </Link>
  );
}

function LiveSearchBox({ variant }: { variant: Variant }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const onSearchPage = pathname === SEARCH_PATH;
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(urlQuery.trim());
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  // Follow the URL when it changes elsewhere (back button, the other box), but never under the reader's cursor.
  useEffect(() => {
    const el = input.current;
    if (el && document.activeElement !== el && el.value !== urlQuery) el.value = urlQuery;
    lastSent.current = urlQuery.trim();
  }, [urlQuery]);

  const go = useCallback(
    (raw: string) => {
      const q = raw.trim();
      if (q === lastSent.current && onSearchPage) return;
      // Clearing the box away from the search page is not a search.
      if (!q && !onSearchPage) return;
      lastSent.current = q;
      const url = searchPath(q);
      startTransition(() => {
        if (onSearchPage) router.replace(url, { scroll: false });
        else router.push(url);
      });
    },
    [onSearchPage, router],
  );

  const schedule = useCallback(() => {
    if (composing.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => go(input.current?.value ?? ''), DEBOUNCE_MS);
  }, [go]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const openAndFocus = useCallback(() => {
    setOpen(true);
    // The phone overlay mounts the input visible on the next frame; desktop focuses at once.
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  }, []);

  useEffect(() => {
    if (variant !== 'header') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      if (window.matchMedia('(min-width: 40rem)').matches) {
        input.current?.focus();
        input.current?.select();
      } else {
        openAndFocus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [variant, openAndFocus]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (timer.current) clearTimeout(timer.current);
    const q = input.current?.value.trim() ?? '';
    lastSent.current = q;
    startTransition(() => router.push(searchPath(q)));
  };

  const form = (
    <SearchForm
      variant={variant}
      inputId={inputId}
      defaultValue={urlQuery}
      open={open}
      pending={pending}
      inputRef={input}
      onInput={schedule}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        schedule();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          input.current?.blur();
          setOpen(false);
        }
      }}
      onSubmit={onSubmit}
      onClose={() => setOpen(false)}
    />
  );
  if (variant === 'page') return form;
  return (
    <div className="flex items-center">
      <PhoneOpener onOpen={openAndFocus} />
      {form}
    </div>
  );
}

/** `variant="header"` for the site header (an icon on phones); `variant="page"` for the form on /search. */
export function SearchBox({ variant = 'header' }: Props) {
  const inputId = useId();
  // Pages prerendered at build time have no query string; until the client knows it, show the plain form.
  const fallback =
    variant === 'page' ? (
      <SearchForm variant="page" inputId={inputId} defaultValue="" />
    ) : (
      <div className="flex items-center">
        <PhoneOpener />
        <SearchForm variant="header" inputId={inputId} defaultValue="" />
      </div>
    );
  return (
    <Suspense fallback={fallback}>
      <LiveSearchBox variant={variant} />
    </Suspense>
  );
}
