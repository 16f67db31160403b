// The inline <script> in every page's <head> that applies the stored reader settings to <html> before
// first paint, so a dark or sepia reader never sees a light flash and the text never jumps size.
// It repeats parseSettings/settingsAttributes (settings.ts) in as few bytes as possible; the tests run
// it against the same cases to keep the two in step. The string is constant, so a CSP hash covers it.
import {
  FONT_SIZES,
  LEGACY_THEME_STORAGE_KEY,
  MEASURES,
  SETTINGS_STORAGE_KEY,
  THEME_PREFS,
  DEFAULT_SETTINGS,
} from './settings';

const list = (values: readonly string[]) => JSON.stringify(values);

export const READING_SETTINGS_SCRIPT =
  `(function(){var d=document.documentElement,j={},t;` +
  // Storage can throw (disabled, sandboxed) and JSON can be corrupt: either way the defaults apply.
  `try{j=JSON.parse(localStorage.getItem('${SETTINGS_STORAGE_KEY}'))||{};t=j.theme||localStorage.getItem('${LEGACY_THEME_STORAGE_KEY}')}catch(e){j={}}` +
  `function v(x,a,f){return a.indexOf(x)<0?f:x}` +
  `t=v(t,${list(THEME_PREFS)},'${DEFAULT_SETTINGS.theme}');d.dataset.themePref=t;` +
  `d.dataset.theme=t=='system'?(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'):t;` +
  `d.dataset.fontSize=v(j.fontSize,${list(FONT_SIZES)},'${DEFAULT_SETTINGS.fontSize}');` +
  `d.dataset.measure=v(j.measure,${list(MEASURES)},'${DEFAULT_SETTINGS.measure}')})()`;
