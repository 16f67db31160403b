'use client';
// The site search box. Without JavaScript it is a GET form to /search. With it, results follow the
// reader's typing (debounced, never mid-IME-composition) and the URL follows the query; "/" focuses it.
// The header box does not read the query string while rendering (that would turn every prerendered page
// into client-rendered search UI); it learns the query from the address after hydration instead.
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import { SEARCH_PATH, searchPath } from '@/lib/search/search-path';

const DEBOUNCE_MS = 250;

// The header box and the /search page box show the same query: whichever sends one tells the other.
const listeners = new Set<(query: string) => void>();
function announce(query: string): void {
  for (const listener of listeners) listener(query);
}

const noSubscription = () => () => undefined;

/** True when a keystroke belongs to something the reader is typing into. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Sets the box's text unless the reader is typing in it. */
function showQuery(input: HTMLInputElement | null, query: string): void {
  if (input && document.activeElement !== input && input.value !== query) input.value = query;
}

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={className} fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

type Variant = 'header' | 'page';

type Live = {
  /** False in the server's HTML and until hydration; a test (or a stylesheet) can wait for it. */
  hydrated: boolean;
  pending: boolean;
  onInput: () => void;
  onCompositionStart: () => void;
  onCompositionEnd: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

type FormProps = {
  variant: Variant;
  defaultValue: string;
  input?: RefObject<HTMLInputElement | null>;
  live?: Live;
  open?: boolean;
  onKeyDown?: (event: ReactKeyboardEvent<HTMLInputElement>) => void;
  onClose?: () => void;
};

/** The markup; without `live` it is a plain GET form. */
function SearchForm({ variant, defaultValue, input, live, open = false, onKeyDown, onClose }: FormProps) {
  const inputId = useId();
  const header = variant === 'header';
  // On phones the header shows only an icon; opening it lays the box over the header row.
  const formClass = header
    ? open
      ? 'absolute inset-x-0 top-0 z-40 flex h-14 items-center gap-2 bg-bg px-4'
      : 'hidden sm:flex sm:items-center'
    : 'flex items-center gap-2';
  const boxClass = header
    ? open
      ? 'flex-1'
      : 'w-40 transition-[width] focus-within:w-60 lg:w-48 lg:focus-within:w-72'
    : 'flex-1';
  return (
    <form
      role="search"
      // Two search landmarks on /search (header and page): names tell them apart.
      aria-label={header ? '站内搜索' : '搜索页'}
      action={SEARCH_PATH}
      method="get"
      onSubmit={live?.onSubmit}
      data-live={live?.hydrated ? 'true' : undefined}
      className={formClass}
    >
      <label htmlFor={inputId} className="sr-only">
        搜索文章
      </label>
      <span className={`relative block ${boxClass}`}>
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          defaultValue={defaultValue}
          // npm start fills it in for a result page it puts together (lib/search/results-region.mjs).
          data-page-query={header ? undefined : ''}
          placeholder={header ? '搜索（按 / 键）' : '输入关键词'}
          enterKeyHint="search"
          autoComplete="off"
          maxLength={64}
          onInput={live?.onInput}
          onCompositionStart={live?.onCompositionStart}
          onCompositionEnd={live?.onCompositionEnd}
          onKeyDown={onKeyDown}
          className={`w-full rounded-md border border-line bg-surface px-3 text-fg placeholder:text-muted focus:border-accent focus:bg-bg ${
            header ? 'h-9 text-[0.95rem]' : 'h-11 text-base'
          }`}
        />
        {live?.pending ? (
          <span
            className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 text-xs text-muted"
            aria-hidden="true"
          >
            …
          </span>
        ) : null}
      </span>
      {header ? null : (
        <button
          type="submit"
          className="h-11 shrink-0 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90"
        >
          搜索
        </button>
      )}
      {open ? (
        <button
          type="button"
          onClick={onClose}
          className="shrink-0 rounded-md px-2 py-1.5 text-sm text-muted hover:text-fg"
        >
          取消
        </button>
      ) : null}
    </form>
  );
}

/** Debounced navigation as the reader types: push onto /search from elsewhere, replace while on it. */
function useLiveSearch(input: RefObject<HTMLInputElement | null>, current: string): Live {
  const router = useRouter();
  const onSearchPage = usePathname() === SEARCH_PATH;
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(current.trim());
  const [pending, startTransition] = useTransition();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  useEffect(() => {
    lastSent.current = current.trim();
  }, [current]);

  useEffect(() => {
    const listener = (query: string) => showQuery(input.current, query);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [input]);

  const go = useCallback(
    (raw: string, now: boolean) => {
      const q = raw.trim();
      if (!now && onSearchPage && q === lastSent.current) return;
      // Clearing the box away from the search page is not a search.
      if (!now && !onSearchPage && !q) return;
      lastSent.current = q;
      announce(q);
      const url = searchPath(q);
      startTransition(() => {
        if (onSearchPage && !now) router.replace(url, { scroll: false });
        else router.push(url);
      });
    },
    [onSearchPage, router],
  );

  const schedule = useCallback(() => {
    if (composing.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => go(input.current?.value ?? '', false), DEBOUNCE_MS);
  }, [go, input]);

  return {
    hydrated,
    pending,
    onInput: schedule,
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      schedule();
    },
    onSubmit: (event) => {
      event.preventDefault();
      if (timer.current) clearTimeout(timer.current);
      go(input.current?.value ?? '', true);
    },
  };
}

function PhoneOpener({ onOpen }: { onOpen: () => void }) {
  // A real link, so a phone without JavaScript still reaches the search page and its form.
  return (
    <Link
      href={SEARCH_PATH}
      // Opening the box is the point of the button; the search page is fetched when the reader searches.
      prefetch={false}
      aria-label="搜索"
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-muted hover:bg-surface hover:text-fg sm:hidden"
    >
      <SearchIcon className="h-5 w-5" />
    </Link>
  );
}

function HeaderSearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownPath, setShownPath] = useState(pathname);
  const live = useLiveSearch(input, '');

  // The phone overlay follows the reader onto /search, and closes once they move on to an article.
  if (pathname !== shownPath) {
    setShownPath(pathname);
    if (pathname !== SEARCH_PATH) setOpen(false);
  }

  // Show the query of the page we are on (after hydration, on every navigation, and on back/forward).
  useEffect(() => {
    const sync = () =>
      showQuery(
        input.current,
        window.location.pathname === SEARCH_PATH ? (new URLSearchParams(window.location.search).get('q') ?? '') : '',
      );
    sync();
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, [pathname]);

  const openAndFocus = useCallback(() => {
    setOpen(true);
    // The phone overlay becomes visible on the next frame; focus it then.
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      openAndFocus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openAndFocus]);

  return (
    <div className="flex items-center">
      <PhoneOpener onOpen={openAndFocus} />
      <SearchForm
        variant="header"
        defaultValue=""
        input={input}
        live={live}
        open={open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            input.current?.blur();
            setOpen(false);
          }
        }}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}

function PageSearchBox() {
  const query = useSearchParams().get('q') ?? '';
  const input = useRef<HTMLInputElement>(null);
  const live = useLiveSearch(input, query);

  useEffect(() => showQuery(input.current, query), [query]);

  return <SearchForm variant="page" defaultValue={query} input={input} live={live} />;
}

/** `variant="header"` for the site header (an icon on phones); `variant="page"` for the form on /search. */
export function SearchBox({ variant = 'header' }: { variant?: Variant }) {
  if (variant === 'header') return <HeaderSearchBox />;
  return (
    <Suspense fallback={<SearchForm variant="page" defaultValue="" />}>
      <PageSearchBox />
    </Suspense>
  );
}
