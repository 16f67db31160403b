'use client';
// Cycles 跟随系统 → 浅色 → 深色; the choice persists in localStorage and the page never reloads.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from './theme-script';

type Pref = 'system' | 'light' | 'dark';
const ORDER: Pref[] = ['system', 'light', 'dark'];
const LABEL: Record<Pref, string> = { system: '跟随系统', light: '浅色', dark: '深色' };

function readPref(): Pref {
  const p = document.documentElement.dataset.themePref;
  return p === 'light' || p === 'dark' ? p : 'system';
}

function apply(pref: Pref) {
  const dark = pref === 'dark' || (pref === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  const root = document.documentElement;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.themePref = pref;
  window.dispatchEvent(new Event('hutong-theme'));
}

function subscribe(onChange: () => void) {
  window.addEventListener('hutong-theme', onChange);
  return () => window.removeEventListener('hutong-theme', onChange);
}

export function ThemeToggle() {
  const pref = useSyncExternalStore<Pref | null>(subscribe, readPref, () => null);

  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      if (readPref() === 'system') apply('system');
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);

  const cycle = useCallback(() => {
    const current = readPref();
    const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? 'system';
    try {
      if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the theme still applies for this page view.
    }
    apply(next);
  }, []);

  const shown = pref ?? 'system';
  return (
    <button
      type="button"
      onClick={cycle}
      className="inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-2 text-sm text-muted hover:bg-surface hover:text-fg"
      aria-label={`主题：${LABEL[shown]}（点击切换）`}
      title={`主题：${LABEL[shown]}`}
      data-theme-pref={shown}
    >
      <ThemeIcon pref={shown} />
      <span className="sr-only sm:not-sr-only">{LABEL[shown]}</span>
    </button>
  );
}

function ThemeIcon({ pref }: { pref: Pref }) {
  const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, 'aria-hidden': true } as const;
  if (pref === 'light')
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4.5" />
        <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" />
      </svg>
    );
  if (pref === 'dark')
    return (
      <svg {...common}>
        <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z" />
      </svg>
    );
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </svg>
  );
}
