import { describe, expect, it } from 'vitest';
import { READING_SETTINGS_SCRIPT } from './settings-script';
import {
  DEFAULT_SETTINGS,
  LEGACY_THEME_STORAGE_KEY,
  SETTINGS_STORAGE_KEY,
  parseSettings,
  resolveTheme,
  serializeSettings,
  settingsAttributes,
  settingsFromAttributes,
  type ReadingSettings,
} from './settings';

describe('parseSettings', () => {
  it('reads back what serializeSettings wrote', () => {
    const s: ReadingSettings = { theme: 'sepia', fontSize: 'xl', measure: 'wide' };
    expect(parseSettings(serializeSettings(s), null)).toEqual(s);
  });

  it('gives the defaults when nothing is stored', () => {
    expect(parseSettings(null, null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the theme a returning reader chose with the old theme toggle', () => {
    expect(parseSettings(null, 'dark')).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(parseSettings(null, 'light').theme).toBe('light');
    // Once the new key holds a theme, it wins over the old one.
    expect(parseSettings('{"theme":"sepia"}', 'dark').theme).toBe('sepia');
    // A new-key object without a theme (say, only a font size) still keeps the old theme.
    expect(parseSettings('{"fontSize":"lg"}', 'dark')).toEqual({ theme: 'dark', fontSize: 'lg', measure: 'normal' });
  });

  it('falls back field by field on values it does not know', () => {
    expect(parseSettings('{"theme":"neon","fontSize":"lg","measure":42}', null)).toEqual({
      theme: 'system',
      fontSize: 'lg',
      measure: 'normal',
    });
    expect(parseSettings(null, 'purple').theme).toBe('system');
  });

  it.each(['not json', '{', '5', '"lg"', 'null', '[]', 'true'])('survives %j in storage', (stored) => {
    expect(() => parseSettings(stored, null)).not.toThrow();
    expect(parseSettings(stored, null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('resolveTheme and the attributes', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('round-trips through the data attributes', () => {
    const s: ReadingSettings = { theme: 'system', fontSize: 'sm', measure: 'narrow' };
    const attrs = settingsAttributes(s, true);
    expect(attrs).toEqual({ theme: 'dark', themePref: 'system', fontSize: 'sm', measure: 'narrow' });
    expect(settingsFromAttributes(attrs)).toEqual(s);
    expect(settingsFromAttributes({})).toEqual(DEFAULT_SETTINGS);
  });
});

/** Runs the inline script against a fake <html> and localStorage, as a browser would before first paint. */
function runScript(store: Record<string, string>, prefersDark = false, storageThrows = false) {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error('SecurityError');
      return key in store ? store[key] : null;
    },
  };
  const document = { documentElement: { dataset } };
  const matchMedia = () => ({ matches: prefersDark });
  new Function('document', 'localStorage', 'matchMedia', READING_SETTINGS_SCRIPT)(document, localStorage, matchMedia);
  return dataset;
}

describe('the pre-paint script', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['nothing stored', {}],
    ['new settings', { [SETTINGS_STORAGE_KEY]: '{"theme":"sepia","fontSize":"xl","measure":"wide"}' }],
    ['old theme only', { [LEGACY_THEME_STORAGE_KEY]: 'dark' }],
    ['both keys', { [SETTINGS_STORAGE_KEY]: '{"theme":"light"}', [LEGACY_THEME_STORAGE_KEY]: 'dark' }],
    ['font only, old theme', { [SETTINGS_STORAGE_KEY]: '{"fontSize":"lg"}', [LEGACY_THEME_STORAGE_KEY]: 'dark' }],
    ['unknown values', { [SETTINGS_STORAGE_KEY]: '{"theme":"neon","fontSize":"huge","measure":["wide"]}' }],
    ['corrupt JSON', { [SETTINGS_STORAGE_KEY]: '{"theme":', [LEGACY_THEME_STORAGE_KEY]: 'dark' }],
    ['a number', { [SETTINGS_STORAGE_KEY]: '5', [LEGACY_THEME_STORAGE_KEY]: 'light' }],
    ['an array', { [SETTINGS_STORAGE_KEY]: '[]' }],
    ['theme follows the system', { [SETTINGS_STORAGE_KEY]: '{"theme":"system","fontSize":"sm"}' }],
  ];

  it.each(cases)('applies the same settings as parseSettings: %s', (_name, store) => {
    for (const dark of [false, true]) {
      const expected = settingsAttributes(
        parseSettings(store[SETTINGS_STORAGE_KEY] ?? null, store[LEGACY_THEME_STORAGE_KEY] ?? null),
        dark,
      );
      expect(runScript(store, dark)).toEqual(expected);
    }
  });

  it('still applies the system theme when storage is unavailable', () => {
    expect(runScript({}, true, true)).toEqual({
      theme: 'dark',
      themePref: 'system',
      fontSize: 'md',
      measure: 'normal',
    });
  });

  it('stays small: it is inlined into every page', () => {
    expect(READING_SETTINGS_SCRIPT.length).toBeLessThan(700);
  });
});
