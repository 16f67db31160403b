'use client';
// The 阅读设置 button in the header and its panel: font size, theme and line width. Choices apply at
// once, persist in localStorage (no account needed) and are re-applied before first paint on every page
// by the inline script (lib/reading/settings-script.ts); other open tabs follow along.
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  DEFAULT_SETTINGS,
  FONT_SIZES,
  LEGACY_THEME_STORAGE_KEY,
  MEASURES,
  SETTINGS_STORAGE_KEY,
  THEME_COLORS,
  THEME_PREFS,
  parseSettings,
  serializeSettings,
  settingsAttributes,
  settingsFromAttributes,
  type ReadingSettings,
  type ThemePref,
} from '@/lib/reading/settings';

const CHANGE_EVENT = 'hutong-reading-settings';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const FONT_LABELS: Record<ReadingSettings['fontSize'], string> = { sm: '小', md: '标准', lg: '大', xl: '特大' };
const THEME_LABELS: Record<ReadingSettings['theme'], string> = {
  system: '跟随系统',
  light: '浅色',
  dark: '深色',
  sepia: '护眼',
};
const MEASURE_LABELS: Record<ReadingSettings['measure'], string> = { narrow: '窄', normal: '标准', wide: '宽' };

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
  const panel = useRef<HTMLDivElement>(null);
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
    // Start where the keyboard is most useful: the chosen option of the first group.
    panel.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
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
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label="阅读设置"
          className="fixed inset-x-3 top-[3.75rem] z-40 max-h-[calc(100dvh-4.5rem)] space-y-4 overflow-y-auto rounded-lg border border-line bg-bg p-4 text-fg shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-80"
        >
          <Choice
            legend="字号"
            name="font-size"
            options={FONT_SIZES}
            labels={FONT_LABELS}
            value={settings.fontSize}
            onChange={(fontSize) => change({ fontSize })}
          />
          <Choice
            legend="主题"
            name="theme"
            options={THEME_PREFS}
            labels={THEME_LABELS}
            value={settings.theme}
            onChange={(theme) => change({ theme })}
            decorate={(theme) => <Swatch theme={theme} />}
          />
          {/* Below md the screen, not the setting, decides the line length. */}
          <div className="hidden md:block">
            <Choice
              legend="行宽"
              name="measure"
              options={MEASURES}
              labels={MEASURE_LABELS}
              value={settings.measure}
              onChange={(measure) => change({ measure })}
            />
          </div>
          <p className="text-xs text-muted">设置保存在本机浏览器中，无需登录。按 Esc 关闭。</p>
        </div>
      ) : null}
    </div>
  );
}

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  /** Drawn above an option's label, e.g. a theme's colours. */
  decorate?: (option: T) => ReactNode;
}) {
  const { legend, name, options, labels, value, onChange, decorate } = props;
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      <div className={`grid gap-1.5 ${options.length === 4 ? 'grid-cols-4' : 'grid-cols-3'}`}>
        {options.map((option) => (
          <label key={option} className="relative">
            {/* The real radio covers its label, invisible: native arrow-key moves, one Tab stop per group. */}
            <input
              type="radio"
              name={`reader-${name}`}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
            />
            <span className="flex h-full min-h-11 flex-col items-center justify-center gap-1 rounded-md border border-line px-1 py-1.5 text-center text-sm leading-tight text-muted peer-checked:border-accent peer-checked:bg-surface peer-checked:font-semibold peer-checked:text-fg peer-hover:text-fg peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent">
              {decorate?.(option)}
              {labels[option]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A small preview of each theme's paper and ink; 跟随系统 shows light and dark halves. */
function Swatch({ theme }: { theme: ThemePref }) {
  const background =
    theme === 'system'
      ? `linear-gradient(135deg, ${THEME_COLORS.light} 50%, ${THEME_COLORS.dark} 50%)`
      : THEME_COLORS[theme];
  return <span aria-hidden="true" className="block h-4 w-4 rounded-full border border-line" style={{ background }} />;
}
