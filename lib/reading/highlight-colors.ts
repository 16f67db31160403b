// The highlight colours a reader can pick, shared by the database schema, the API's checks and the toolbar.
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: '黄色',
  green: '绿色',
  blue: '蓝色',
  pink: '粉色',
  purple: '紫色',
};

/** The colour a new highlight gets from the keyboard (H) and the first swatch. */
export const DEFAULT_COLOR: HighlightColor = 'yellow';

/** The swatch of each colour in the toolbar and the lists (the painted washes are in globals.css, per theme). */
export const SWATCH_COLORS: Record<HighlightColor, string> = {
  yellow: '#facc15',
  green: '#4ade80',
  blue: '#60a5fa',
  pink: '#f472b6',
  purple: '#c084fc',
};
