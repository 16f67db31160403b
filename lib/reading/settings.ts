// The reader's display settings (theme, font size, line width): their allowed values, how they are
// stored in localStorage, and how a stored value is read back — including the older theme-only key.
// The pre-paint script (settings-script.ts) applies the same rules before React loads.

export const THEME_PREFS = ['system', 'light', 'dark', 'sepia'] as const;
export const FONT_SIZES = ['sm', 'md', 'lg', 'xl'] as const;
export const MEASURES = ['narrow', 'normal', 'wide'] as const;

export type ThemePref = (typeof THEME_PREFS)[number];
export type ResolvedTheme = Exclude<ThemePref, 'system'>;
export type FontSize = (typeof FONT_SIZES)[number];
export type Measure = (typeof MEASURES)[number];

export type ReadingSettings = { theme: ThemePref; fontSize: FontSize; measure: Measure };

export const DEFAULT_SETTINGS: ReadingSettings = { theme: 'system', fontSize: 'md', measure: 'normal' };

/** Where the settings live: one JSON object. */
export const SETTINGS_STORAGE_KEY = 'hutong-reader';
/** The key the theme toggle used before there were other settings ('light' | 'dark'); read, never written. */
export const LEGACY_THEME_STORAGE_KEY = 'hutong-theme';

/** Browser-chrome colour per theme; the same values as --c-bg in app/globals.css. */
export const THEME_COLORS: Record<ResolvedTheme, string> = { light: '#fbfaf7', dark: '#151514', sepia: '#f4ecd8' };

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Reads what localStorage holds. Anything unreadable or out of range falls back to the default for that
 * one field, so a stale or hand-edited value can never break the page. A reader who only ever used the
 * old theme toggle keeps their theme.
 */
export function parseSettings(stored: string | null, legacyTheme: string | null): ReadingSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored === null ? null : JSON.parse(stored);
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // Corrupt JSON: every field takes its default.
    return { ...DEFAULT_SETTINGS };
  }
  return {
    theme: oneOf(THEME_PREFS, raw.theme || legacyTheme, DEFAULT_SETTINGS.theme),
    fontSize: oneOf(FONT_SIZES, raw.fontSize, DEFAULT_SETTINGS.fontSize),
    measure: oneOf(MEASURES, raw.measure, DEFAULT_SETTINGS.measure),
  };
}

export function serializeSettings(settings: ReadingSettings): string {
  return JSON.stringify({ theme: settings.theme, fontSize: settings.fontSize, measure: settings.measure });
}

export function resolveTheme(pref: ThemePref, systemPrefersDark: boolean): ResolvedTheme {
  if (pref !== 'system') return pref;
  return systemPrefersDark ? 'dark' : 'light';
}

/** The data attributes the settings are applied as on <html> (the CSS in app/globals.css keys off them). */
export function settingsAttributes(settings: ReadingSettings, systemPrefersDark: boolean) {
  return {
    theme: resolveTheme(settings.theme, systemPrefersDark),
    themePref: settings.theme,
    fontSize: settings.fontSize,
    measure: settings.measure,
  };
}

/** Reads the settings back from <html>'s dataset (what the pre-paint script or the last change applied). */
export function settingsFromAttributes(dataset: Record<string, string | undefined>): ReadingSettings {
  return {
    theme: oneOf(THEME_PREFS, dataset.themePref, DEFAULT_SETTINGS.theme),
    fontSize: oneOf(FONT_SIZES, dataset.fontSize, DEFAULT_SETTINGS.fontSize),
    measure: oneOf(MEASURES, dataset.measure, DEFAULT_SETTINGS.measure),
  };
}
