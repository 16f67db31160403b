'use client';
// The header's account corner: 登录 / 注册 for visitors, the reader's name with 我的收藏 / 账户 / 退出 once signed in.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { signOutAction } from './actions';
import {
  getServerSnapshot,
  getSnapshot,
  markSignedOut,
  refreshReaderState,
  subscribe,
  watchUser,
} from './reader-state';

const linkClass = 'rounded-md px-2 py-1.5 text-[0.95rem] text-muted hover:bg-surface hover:text-fg';

function signInHref(pathname: string): string {
  return pathname === '/' || pathname.startsWith('/signin') || pathname.startsWith('/signup')
    ? '/signin'
    : `/signin?callbackUrl=${encodeURIComponent(pathname)}`;
}

function VisitorLinks({ pathname }: { pathname: string }) {
  return (
    <>
      <Link href={signInHref(pathname)} className={linkClass}>
        登录
      </Link>
      <Link href="/signup" className={`${linkClass} hidden sm:inline-block`}>
        注册
      </Link>
    </>
  );
}

export function UserMenu() {
  const state = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const pathname = usePathname() ?? '/';
  // Remembering where the menu was opened closes it on navigation without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean | ((was: boolean) => boolean)) =>
    setOpenOn((prev) => ((typeof value === 'function' ? value(prev === pathname) : value) ? pathname : null));
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => watchUser(), []);

  // The header survives client-side navigation, and sign-in / sign-out end in one: ask again then.
  useEffect(() => {
    if (firstPath.current !== pathname) refreshReaderState();
    firstPath.current = pathname;
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpenOn(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpenOn(null);
        root.current?.querySelector<HTMLButtonElement>('button[aria-controls]')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (state.status === 'loading') {
    return (
      <div className="flex items-center" data-user-menu="loading">
        {/* Same footprint as the links, so the header does not shift when the state arrives. */}
        <span aria-hidden="true" className="inline-block h-8 w-12 sm:w-24" />
        <noscript>
          <Link href="/signin" className={linkClass}>
            登录
          </Link>
          <Link href="/account" className={linkClass}>
            账户
          </Link>
        </noscript>
      </div>
    );
  }

  if (!state.user) {
    return (
      <div className="flex items-center" data-user-menu="visitor">
        <VisitorLinks pathname={pathname} />
      </div>
    );
  }

  const display = state.user.name || state.user.email.split('@')[0] || state.user.email;
  return (
    <div ref={root} className="relative" data-user-menu="reader">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-[5.5rem] items-center gap-1 rounded-md px-2 py-1.5 text-[0.95rem] text-fg hover:bg-surface sm:max-w-[9rem]"
      >
        <span className="truncate">{display}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="14" height="14" className={open ? 'rotate-180' : ''}>
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute right-0 z-40 mt-1 w-44 rounded-md border border-line bg-bg py-1 shadow-lg"
      >
        <p className="truncate border-b border-line px-3 pt-1 pb-2 text-xs text-muted">{state.user.email}</p>
        <ul className="py-1">
          <li>
            <Link
              href="/bookmarks"
              className="block px-3 py-1.5 text-sm text-fg hover:bg-surface"
              onClick={() => setOpen(false)}
            >
              我的收藏
            </Link>
          </li>
          {state.user.editor ? (
            <li>
              <Link
                href="/drafts"
                className="block px-3 py-1.5 text-sm text-fg hover:bg-surface"
                onClick={() => setOpen(false)}
              >
                草稿
              </Link>
            </li>
          ) : null}
          <li>
            <Link
              href="/account"
              className="block px-3 py-1.5 text-sm text-fg hover:bg-surface"
              onClick={() => setOpen(false)}
            >
              账户
            </Link>
          </li>
          <li>
            <form action={signOutAction} onSubmit={() => markSignedOut()}>
              <input
                type="hidden"
                name="callbackUrl"
                value={pathname === '/account' || pathname === '/bookmarks' ? '/' : pathname}
              />
              <button type="submit" className="block w-full px-3 py-1.5 text-left text-sm text-fg hover:bg-surface">
                退出
              </button>
            </form>
          </li>
        </ul>
      </div>
    </div>
  );
}
