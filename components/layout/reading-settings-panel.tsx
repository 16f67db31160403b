'use client';
// The 阅读设置 panel: font size, theme and line width as radio groups. Loaded the first time the reader
// opens it (or reaches for the button), never with the page; reading-settings.tsx owns the button, the
// stored choices and how they apply.
import { useEffect, useRef, type ReactNode } from 'react';
import {
  FONT_SIZES,
  MEASURES,
  THEME_COLORS,
  THEME_PREFS,
  type ReadingSettings,
  type ThemePref,
} from '@/lib/reading/settings';

const FONT_LABELS: Record<ReadingSettings['fontSize'], string> = { sm: '小', md: '标准', lg: '大', xl: '特大' };
const THEME_LABELS: Record<ReadingSettings['theme'], string> = {
  system: '跟随系统',
  light: '浅色',
  dark: '深色',
  sepia: '护眼',
};
const MEASURE_LABELS: Record<ReadingSettings['measure'], string> = { narrow: '窄', normal: '标准', wide: '宽' };

export default function ReadingSettingsPanel({
  id,
  settings,
  change,
}: {
  id: string;
  settings: ReadingSettings;
  change: (patch: Partial<ReadingSettings>) => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // Start where the keyboard is most useful: the chosen option of the first group.
  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);
  return (
    <div
      ref={panel}
      id={id}
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
