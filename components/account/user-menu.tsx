'use client';
// The header's account corner: 登录 / 注册 for visitors, the reader's name with 我的收藏 / 我的划线 / 我的关注 / 账户 /
// 退出 once signed in, and how many followed articles are new since they last looked.
import Link from 'next/link';
import { IntentLink } from '@/components/layout/intent-link';
import { usePathname } from 'next/navigation';
import { lazy, Suspense, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import {
  getServerSnapshot,
  getSnapshot,
  refreshReaderState,
  subscribe,
  watchFollowCount,
  watchUser,
} from './reader-state';

// The open menu's code loads on first use (or as the reader reaches for the button), not with every page.
const loadPanel = () => import('./user-menu-panel');
const UserMenuPanel = lazy(loadPanel);

const linkClass = 'rounded-md px-2 py-1.5 text-[0.95rem] text-muted hover:bg-surface hover:text-fg';

function signInHref(pathname: string): string {
  return pathname === '/' || pathname.startsWith('/signin') || pathname.startsWith('/signup')
    ? '/signin'
    : `/signin?callbackUrl=${encodeURIComponent(pathname)}`;
}

function VisitorLinks({ pathname }: { pathname: string }) {
  return (
    <>
      <IntentLink href={signInHref(pathname)} className={linkClass}>
        登录
      </IntentLink>
      <IntentLink href="/signup" className={`${linkClass} hidden sm:inline-block`}>
        注册
      </IntentLink>
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
  const button = useRef<HTMLButtonElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    watchFollowCount();
    watchUser();
  }, []);

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
        button.current?.focus();
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
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        className="flex max-w-[7.5rem] items-center gap-1 rounded-md px-2 py-1.5 text-[0.95rem] text-fg hover:bg-surface sm:max-w-[9rem]"
      >
        <span className="truncate">{display}</span>
        {state.followingNew ? (
          <span
            className="shrink-0 rounded-full bg-accent px-1.5 text-xs leading-5 text-accent-fg tabular-nums"
            aria-label={`，我的关注有 ${state.followingNew > 99 ? '99 篇以上' : `${state.followingNew} 篇`}新文章`}
            data-testid="following-new"
          >
            {state.followingNew > 99 ? '99+' : state.followingNew}
          </span>
        ) : null}
        <svg aria-hidden="true" viewBox="0 0 20 20" width="14" height="14" className={open ? 'rotate-180' : ''}>
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <UserMenuPanel
            id={menuId}
            user={state.user}
            pathname={pathname}
            followingNew={state.followingNew ?? 0}
            close={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
