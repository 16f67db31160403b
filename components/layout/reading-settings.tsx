'use client';
// The 阅读设置 button in the header and its panel: font size, theme and line width. Choices apply at
// once, persist in localStorage (no account needed) and are re-applied before first paint on every page
// by the inline script (lib/reading/settings-script.ts); other open tabs follow along.
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import {
  DEFAULT_SETTINGS,
  LEGACY_THEME_STORAGE_KEY,
  SETTINGS_STORAGE_KEY,
  THEME_COLORS,
  parseSettings,
  serializeSettings,
  settingsAttributes,
  settingsFromAttributes,
  type ReadingSettings,
} from '@/lib/reading/settings';

// The panel (its choices and labels) loads on first use: a page is read, not configured.
const loadPanel = () => import('./reading-settings-panel');
// React's own lazy: next/dynamic would add more to every page than the panel weighs.
const ReadingSettingsPanel = lazy(loadPanel);

const CHANGE_EVENT = 'hutong-reading-settings';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function apply(settings: ReadingSettings) {
  const root = document.documentElement;
  const attrs = settingsAttributes(settings, matchMedia(DARK_QUERY).matches);
  Object.assign(root.dataset, attrs);
  // The browser chrome (address bar on phones) matches the page; following the system keeps the
  // media-specific colours the layout declared.
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const systemTheme = meta.media.includes('dark') ? 'dark' : 'light';
    meta.content = THEME_COLORS[settings.theme === 'system' ? systemTheme : attrs.theme];
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function save(settings: ReadingSettings) {
  try {
    localStorage.setItem(SETTINGS_STORAGE_KEY, serializeSettings(settings));
    // Migrated: the old theme-only key has been folded into the new one.
    localStorage.removeItem(LEGACY_THEME_STORAGE_KEY);
  } catch {
    // Private mode may refuse storage; the choice still applies for this page view.
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

// A string snapshot keeps useSyncExternalStore's identity check cheap and stable.
const snapshot = () => serializeSettings(settingsFromAttributes(document.documentElement.dataset));

export function ReadingSettingsControl() {
  const current = useSyncExternalStore(subscribe, snapshot, () => null);
  const settings = current ? parseSettings(current, null) : DEFAULT_SETTINGS;
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    const now = settingsFromAttributes(document.documentElement.dataset);
    apply(now); // sets the theme-color meta for a chosen theme
    const media = matchMedia(DARK_QUERY);
    const followSystem = () => apply(settingsFromAttributes(document.documentElement.dataset));
    const fromOtherTab = (e: StorageEvent) => {
      if (e.key === SETTINGS_STORAGE_KEY) apply(parseSettings(e.newValue, null));
    };
    media.addEventListener('change', followSystem);
    window.addEventListener('storage', fromOtherTab);
    return () => {
      media.removeEventListener('change', followSystem);
      window.removeEventListener('storage', fromOtherTab);
    };
  }, []);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(true);
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const change = (patch: Partial<ReadingSettings>) => {
    const next = { ...settingsFromAttributes(document.documentElement.dataset), ...patch };
    save(next);
    apply(next);
  };

  return (
    <div
      ref={wrapper}
      className="relative print:hidden"
      onBlur={(e) => {
        // Tabbing out of the panel closes it, as leaving any popover does.
        if (open && e.relatedTarget && !wrapper.current?.contains(e.relatedTarget as Node)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        onClick={() => setOpen((o) => !o)}
        // The panel's code arrives while the reader reaches for the button.
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        className="inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md px-2 text-sm text-muted hover:bg-surface hover:text-fg aria-expanded:bg-surface aria-expanded:text-fg"
        data-theme-pref={settings.theme}
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <path
            d="M3 19 8 6l5 13M4.8 14.5h6.4M14.5 19l3.5-9 3.5 9M15.6 16.2h4.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="sr-only lg:not-sr-only">阅读设置</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ReadingSettingsPanel id={panelId} settings={settings} change={change} />
        </Suspense>
      ) : null}
    </div>
  );
}
