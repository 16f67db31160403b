'use client';
// The toolbar under a selection, or under a painted passage the reader clicked: 划线 in five colours (the
// current one pressed), 写笔记 / 改笔记, 复制, 分享这段, and 删除 for a passage already highlighted. A mouse press
// on it keeps the selection; it fits a 390 px screen (it wraps) and never prints.
import type { RefObject } from 'react';
import type { Highlight } from '@/lib/accounts/api-types';
import {
  COLOR_NAMES,
  DEFAULT_COLOR,
  highlightColors,
  SWATCH_COLORS,
  type HighlightColor,
} from '@/lib/reading/highlight-colors';
import type { ToolbarPlace } from './highlight-dom';

type Props = {
  toolbar: ToolbarPlace;
  /** The highlight the toolbar is for, when it is for one. */
  current: Highlight | null;
  toolbarRef: RefObject<HTMLDivElement | null>;
  /** A pointer went down on the toolbar (true) or up (false): the collapsing selection must not close it. */
  onPress: (down: boolean) => void;
  onColor: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
  onShare: () => void;
  onDelete: () => void;
};

export function HighlightToolbar({
  toolbar,
  current,
  toolbarRef,
  onPress,
  onColor,
  onNote,
  onCopy,
  onShare,
  onDelete,
}: Props) {
  const pageWidth = typeof document === 'undefined' ? 400 : document.documentElement.clientWidth;
  const buttonClass =
    'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-2 text-sm text-fg hover:bg-surface focus-visible:outline-2 focus-visible:outline-accent';

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label={toolbar.kind === 'new' ? '划线工具：按 H 划线，按 N 写笔记' : '这条划线'}
      data-testid="highlight-toolbar"
      onPointerDown={(event) => {
        onPress(true);
        // Keeps the selection: a mouse press on a button would otherwise collapse it.
        if (event.pointerType === 'mouse') event.preventDefault();
      }}
      onPointerUp={() => onPress(false)}
      style={{
        position: 'absolute',
        top: toolbar.box.bottom + 10,
        left: Math.max(8, Math.min(toolbar.box.left, pageWidth - 8 - 372)),
        maxWidth: 'calc(100vw - 16px)',
      }}
      className="z-40 flex flex-wrap items-center gap-1 rounded-lg border border-line bg-bg p-1 shadow-lg print:hidden"
    >
      {highlightColors.map((c) => (
        <button
          key={c}
          type="button"
          aria-label={toolbar.kind === 'new' ? `用${COLOR_NAMES[c]}划线` : `改为${COLOR_NAMES[c]}`}
          aria-pressed={current ? current.color === c : undefined}
          aria-keyshortcuts={toolbar.kind === 'new' && c === DEFAULT_COLOR ? 'H' : undefined}
          title={COLOR_NAMES[c]}
          onClick={() => onColor(c)}
          className={`${buttonClass} w-10 px-0`}
        >
          <span
            aria-hidden="true"
            className={`block h-5 w-5 rounded-full border ${current?.color === c ? 'border-fg ring-2 ring-fg/40' : 'border-line'}`}
            style={{ backgroundColor: SWATCH_COLORS[c] }}
          />
        </button>
      ))}
      <button
        type="button"
        aria-keyshortcuts={toolbar.kind === 'new' ? 'N' : undefined}
        onClick={onNote}
        className={buttonClass}
      >
        {current?.note ? '改笔记' : '写笔记'}
      </button>
      <button type="button" onClick={onCopy} className={buttonClass}>
        复制
      </button>
      <button type="button" onClick={onShare} className={buttonClass}>
        分享这段
      </button>
      {toolbar.kind === 'existing' ? (
        <button type="button" onClick={onDelete} className={`${buttonClass} text-accent`}>
          删除
        </button>
      ) : null}
    </div>
  );
}
