'use client';
// What 划线与笔记 does on an article page, loaded on demand by highlight-layer.tsx:
// - paints the reader's highlights with the CSS Custom Highlight API (no element is added to the text, so
//   nothing moves and React's tree, the TOC, the picture viewer and the reading position never see them);
// - a toolbar under a selection (mouse, keyboard or touch): 划线 in five colours, 写笔记, 复制, 分享这段;
//   H and N do the first two from the keyboard; clicking a painted passage brings the same toolbar for it;
// - the 划线笔记 panel: the article's note, every highlight in reading order (原文已改动 for one that can no
//   longer be found, with its quote), each with 定位, 笔记 and 删除; export of this article;
// - a link to #hl-<id> scrolls to that passage and flashes it.
// Writes are optimistic, confirmed by /api/highlights, and rolled back with a message when refused.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ArticleNoteWriteResponse, Highlight, HighlightWriteResponse } from '@/lib/accounts/api-types';
import { anchorText, describeText } from '@/lib/reading/anchoring';
import { COLOR_NAMES, DEFAULT_COLOR, highlightColors, type HighlightColor } from '@/lib/reading/highlight-colors';
import {
  buildTextIndex,
  offsetAtPoint,
  offsetsRange,
  rangeOffsets,
  trimOffsets,
  type TextIndex,
} from '@/lib/reading/text-index';
import { settledSnapshot, updateHighlights } from '@/components/account/reader-state';
import { copyBySelection } from '@/components/article/share-button';

type Props = {
  slug: string;
  title: string;
  url: string;
  bodyId: string;
  items: readonly Highlight[];
  ready: boolean;
  signedIn: boolean;
  panelOpen: boolean;
  onPanelClose: () => void;
};

type Box = { top: number; bottom: number; left: number };
type Toolbar = { kind: 'new'; start: number; end: number; box: Box } | { kind: 'existing'; id: string; box: Box };
type Toast = { text: string; signIn?: boolean };
type NoteTarget = { kind: 'passage'; id: string } | { kind: 'article' };

/** Swatch colours (the painted ones are in globals.css, per theme). */
const SWATCH: Record<HighlightColor, string> = {
  yellow: '#facc15',
  green: '#4ade80',
  blue: '#60a5fa',
  pink: '#f472b6',
  purple: '#c084fc',
};
const PAINT_NAMES = [...highlightColors.map((c) => `hl-${c}`), 'hl-noted', 'hl-flash'];
const NOTE_MAX = 5000;

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
    ? css.highlights
    : null;
}
function paint(name: string, ranges: Range[]): void {
  const HighlightClass = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
  registry()?.set(name, new HighlightClass(...ranges));
}

function pageBox(range: Range): Box | null {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const first = rects[0] ?? last;
  if (!last || (last.width === 0 && last.height === 0)) return null;
  return { top: first.top + scrollY, bottom: last.bottom + scrollY, left: Math.min(first.left, last.left) + scrollX };
}

/** A link that opens the article scrolled to the passage (URL text fragments), for sharing. */
export function passageLink(url: string, exact: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const text = exact.replace(/\s+/g, ' ').trim();
  const fragment = text.length <= 300 ? enc(text) : `${enc(text.slice(0, 40))},${enc(text.slice(-40))}`;
  return `${url}#:~:text=${fragment}`;
}

async function send(url: string, method: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    // A reader who leaves the page right after highlighting still has the highlight saved.
    keepalive: true,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

function messageOf(json: unknown, fallback: string): string {
  const message = (json as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : fallback;
}

type Anchors = Map<string, { start: number; end: number } | null>;

/** Finds every passage in the body's text; timed (User Timing) for the bench and for field measurements. */
function anchorPassages(index: TextIndex | null, passages: readonly Highlight[]): Anchors {
  const began = performance.now();
  const found: Anchors = new Map();
  for (const h of passages) {
    const anchor =
      index && h.exact !== null
        ? anchorText(index.text, {
            exact: h.exact,
            prefix: h.prefix ?? '',
            suffix: h.suffix ?? '',
            start: h.start ?? 0,
            end: h.end ?? 0,
          })
        : null;
    found.set(h.id, anchor ? { start: anchor.start, end: anchor.end } : null);
  }
  if (passages.length > 0) performance.measure('hutong:highlights-anchor', { start: began });
  return found;
}

let pendingIds = 0;

export default function HighlightTools(props: Props) {
  const { slug, title, url, bodyId, items, panelOpen, onPanelClose } = props;
  const [toolbar, setToolbar] = useState<Toolbar | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [noteTarget, setNoteTarget] = useState<NoteTarget | null>(null);
  const [selectionHint, setSelectionHint] = useState('');
  const toolbarRef = useRef<HTMLDivElement>(null);
  const pressingToolbar = useRef(false);
  const flashedHash = useRef<string | null>(null);

  // The body's text, read once: it is static, and painting never changes it.
  const index = useMemo((): TextIndex | null => {
    if (typeof document === 'undefined') return null;
    const body = document.getElementById(bodyId);
    return body ? buildTextIndex(body) : null;
  }, [bodyId]);
  const textIndex = useCallback(() => index, [index]);

  const passages = useMemo(() => items.filter((h) => h.exact !== null), [items]);
  const articleNote = useMemo(() => items.find((h) => h.exact === null) ?? null, [items]);

  /** Where each passage is now, or null: 原文已改动. */
  const anchors = useMemo(() => anchorPassages(index, passages), [passages, index]);

  const rangeOf = useCallback(
    (id: string): Range | null => {
      const at = anchors.get(id);
      const index = textIndex();
      return at && index ? offsetsRange(index, at.start, at.end) : null;
    },
    [anchors, textIndex],
  );

  // Paint: one highlight per colour, plus a dotted underline for passages with a note.
  useEffect(() => {
    if (!registry()) return;
    const began = performance.now();
    const byColor = new Map<string, Range[]>();
    const noted: Range[] = [];
    for (const h of passages) {
      const range = rangeOf(h.id);
      if (!range || !h.color) continue;
      byColor.set(h.color, [...(byColor.get(h.color) ?? []), range]);
      if (h.note) noted.push(range);
    }
    for (const c of highlightColors) paint(`hl-${c}`, byColor.get(c) ?? []);
    paint('hl-noted', noted);
    if (passages.length > 0) performance.measure('hutong:highlights-paint', { start: began });
  }, [passages, rangeOf]);
  useEffect(
    () => () => {
      for (const name of PAINT_NAMES) registry()?.delete(name);
    },
    [],
  );

  const say = useCallback((text: string, signIn = false) => setToast({ text, signIn }), []);
  useEffect(() => {
    if (!toast || toast.signIn) return;
    const timer = window.setTimeout(() => setToast(null), 4000);
    return () => window.clearTimeout(timer);
  }, [toast]);

  const flash = useCallback(
    (id: string) => {
      const range = rangeOf(id);
      if (!range) return false;
      const box = range.getBoundingClientRect();
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({ top: scrollY + box.top - innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
      paint('hl-flash', [range]);
      window.setTimeout(() => registry()?.delete('hl-flash'), 2000);
      return true;
    },
    [rangeOf],
  );

  // A link to one highlight (from 我的划线): scroll there and flash it once it is known.
  useEffect(() => {
    const hash = location.hash;
    if (!hash.startsWith('#hl-') || flashedHash.current === hash) return;
    const id = decodeURIComponent(hash.slice(4));
    if (!anchors.has(id)) return;
    flashedHash.current = hash;
    const found = flash(id);
    // Said once the scroll has started, not in the middle of this render's effects.
    window.setTimeout(() => say(found ? '已定位到这条划线' : '这条划线的原文已改动，找不到原来的位置'), 0);
  }, [anchors, flash, say]);

  // The selection toolbar: follows the reader's selection inside the article body.
  useEffect(() => {
    const body = document.getElementById(bodyId);
    if (!body) return;
    let timer = 0;
    const check = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
        if (!pressingToolbar.current && !toolbarRef.current?.contains(document.activeElement))
          setToolbar((t) => (t?.kind === 'new' ? null : t));
        return;
      }
      const range = selection.getRangeAt(0);
      const index = textIndex();
      if (!index || !range.intersectsNode(body)) return;
      const offsets = rangeOffsets(index, range);
      const trimmed = offsets && trimOffsets(index.text, offsets.start, offsets.end);
      const box = trimmed && pageBox(range);
      setToolbar(trimmed && box ? { kind: 'new', ...trimmed, box } : null);
      // For a screen reader, which does not see the toolbar appear under the selection.
      setSelectionHint(trimmed ? `已选中 ${trimmed.end - trimmed.start} 字：按 H 划线，按 N 写笔记` : '');
    };
    const onSelection = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 120);
    };
    check();
    document.addEventListener('selectionchange', onSelection);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [bodyId, textIndex]);

  // A click on a painted passage opens the toolbar for it.
  useEffect(() => {
    const body = document.getElementById(bodyId);
    if (!body) return;
    const onClick = (event: MouseEvent) => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) return;
      if ((event.target as Element | null)?.closest('a, button')) return;
      const index = textIndex();
      const offset = index && offsetAtPoint(index, event.clientX, event.clientY);
      if (offset === null || offset === undefined) return;
      let hit: { id: string; length: number } | null = null;
      for (const [id, at] of anchors) {
        if (at && at.start <= offset && offset < at.end && (!hit || at.end - at.start < hit.length))
          hit = { id, length: at.end - at.start };
      }
      const range = hit && rangeOf(hit.id);
      const box = range && pageBox(range);
      if (hit && box) setToolbar({ kind: 'existing', id: hit.id, box });
      else setToolbar((t) => (t?.kind === 'existing' ? null : t));
    };
    body.addEventListener('click', onClick);
    return () => body.removeEventListener('click', onClick);
  }, [anchors, bodyId, rangeOf, textIndex]);

  /** The reader as the server knows them, at the moment of the click. */
  const ensureSignedIn = useCallback(async (): Promise<boolean> => {
    const state = await settledSnapshot();
    if (state.user) return true;
    say('登录后可以划线和写笔记，并在各个设备上同步', true);
    return false;
  }, [say]);

  const create = useCallback(
    async (color: HighlightColor, withNote: boolean) => {
      if (toolbar?.kind !== 'new') return;
      const index = textIndex();
      if (!index || !(await ensureSignedIn())) return;
      const selectors = describeText(index.text, toolbar.start, toolbar.end);
      const now = new Date().toISOString();
      const temp: Highlight = {
        id: `pending-${++pendingIds}`,
        slug,
        color,
        note: null,
        createdAt: now,
        updatedAt: now,
        ...selectors,
      };
      updateHighlights(slug, (list) => [...list, temp]);
      setToolbar(null);
      document.getSelection()?.removeAllRanges();
      try {
        const { status, json } = await send('/api/highlights', 'POST', { slug, color, ...selectors });
        const saved = (json as HighlightWriteResponse | null) ?? null;
        if (saved && 'highlight' in saved) {
          updateHighlights(slug, (list) => list.map((h) => (h.id === temp.id ? saved.highlight : h)));
          say(`已用${COLOR_NAMES[color]}划线`);
          if (withNote) setNoteTarget({ kind: 'passage', id: saved.highlight.id });
          return;
        }
        updateHighlights(slug, (list) => list.filter((h) => h.id !== temp.id));
        say(messageOf(json, '划线没有保存，请稍后再试'), status === 401);
      } catch {
        updateHighlights(slug, (list) => list.filter((h) => h.id !== temp.id));
        say('网络异常，划线没有保存');
      }
    },
    [ensureSignedIn, say, slug, textIndex, toolbar],
  );

  const change = useCallback(
    async (id: string, patch: { color?: HighlightColor; note?: string | null }): Promise<boolean> => {
      const before = items.find((h) => h.id === id);
      if (!before || id.startsWith('pending-')) return false;
      updateHighlights(slug, (list) => list.map((h) => (h.id === id ? { ...h, ...patch } : h)));
      try {
        const { status, json } = await send(`/api/highlights/${encodeURIComponent(id)}`, 'PATCH', patch);
        const saved = json as HighlightWriteResponse | null;
        if (saved && 'highlight' in saved) {
          updateHighlights(slug, (list) => list.map((h) => (h.id === id ? saved.highlight : h)));
          return true;
        }
        if (status === 404) updateHighlights(slug, (list) => list.filter((h) => h.id !== id));
        else updateHighlights(slug, (list) => list.map((h) => (h.id === id ? before : h)));
        say(messageOf(json, '没有保存，请稍后再试'), status === 401);
      } catch {
        updateHighlights(slug, (list) => list.map((h) => (h.id === id ? before : h)));
        say('网络异常，没有保存');
      }
      return false;
    },
    [items, say, slug],
  );

  const remove = useCallback(
    async (id: string) => {
      // Not saved yet: it can be deleted once the server has it.
      if (id.startsWith('pending-')) return;
      const before = items;
      updateHighlights(slug, (list) => list.filter((h) => h.id !== id));
      setToolbar(null);
      try {
        const { status, json } = await send(`/api/highlights/${encodeURIComponent(id)}`, 'DELETE');
        if (status === 200 || status === 404) {
          say('已删除划线');
          return;
        }
        updateHighlights(slug, () => before);
        say(messageOf(json, '没有删除，请稍后再试'), status === 401);
      } catch {
        updateHighlights(slug, () => before);
        say('网络异常，没有删除');
      }
    },
    [items, say, slug],
  );

  const saveArticleNote = useCallback(
    async (text: string): Promise<boolean> => {
      if (!(await ensureSignedIn())) return false;
      try {
        const { status, json } = await send('/api/highlights/note', 'PUT', { slug, note: text });
        const saved = json as ArticleNoteWriteResponse | null;
        if (saved && 'note' in saved) {
          updateHighlights(slug, (list) => [
            ...list.filter((h) => h.exact !== null),
            ...(saved.note ? [saved.note] : []),
          ]);
          say(saved.note ? '本文笔记已保存' : '本文笔记已删除');
          return true;
        }
        say(messageOf(json, '笔记没有保存，请稍后再试'), status === 401);
      } catch {
        say('网络异常，笔记没有保存');
      }
      return false;
    },
    [ensureSignedIn, say, slug],
  );

  const passageText = (t: Toolbar): string => {
    if (t.kind === 'new') return textIndex()?.text.slice(t.start, t.end) ?? '';
    return items.find((h) => h.id === t.id)?.exact ?? '';
  };

  async function copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      say(done);
    } catch {
      say(copyBySelection(text) ? done : '无法复制，请手动选中文字复制');
    }
  }

  function share(exact: string) {
    const link = passageLink(url, exact);
    const text = `“${exact.trim()}”\n——《${title}》`;
    if (typeof navigator.share === 'function') {
      // Called inside the click: the share sheet needs the tap's user activation.
      navigator.share({ title, text, url: link }).catch(() => {});
      return;
    }
    void copy(`${text}\n${link}`, '已复制这段文字和链接');
  }

  // Keyboard: H highlights the selection, N highlights it and opens the note; Escape closes the toolbar.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target?.closest('input, textarea, select, [contenteditable]')
      )
        return;
      if (event.key === 'Escape' && toolbar) {
        setToolbar(null);
        return;
      }
      if (toolbar?.kind !== 'new') return;
      const key = event.key.toLowerCase();
      if (key === 'h' || key === 'n') {
        event.preventDefault();
        void create(DEFAULT_COLOR, key === 'n');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [create, toolbar]);

  const current = toolbar?.kind === 'existing' ? items.find((h) => h.id === toolbar.id) : null;
  const pageWidth = typeof document === 'undefined' ? 400 : document.documentElement.clientWidth;
  const buttonClass =
    'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-2 text-sm text-fg hover:bg-surface focus-visible:outline-2 focus-visible:outline-accent';

  const toolbarNode = toolbar ? (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label={toolbar.kind === 'new' ? '划线工具：按 H 划线，按 N 写笔记' : '这条划线'}
      data-testid="highlight-toolbar"
      onPointerDown={(event) => {
        pressingToolbar.current = true;
        // Keeps the selection: a mouse press on a button would otherwise collapse it.
        if (event.pointerType === 'mouse') event.preventDefault();
      }}
      onPointerUp={() => window.setTimeout(() => (pressingToolbar.current = false), 300)}
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
          onClick={() => (toolbar.kind === 'new' ? void create(c, false) : void change(toolbar.id, { color: c }))}
          className={`${buttonClass} w-10 px-0`}
        >
          <span
            aria-hidden="true"
            className={`block h-5 w-5 rounded-full border ${current?.color === c ? 'border-fg ring-2 ring-fg/40' : 'border-line'}`}
            style={{ backgroundColor: SWATCH[c] }}
          />
        </button>
      ))}
      <button
        type="button"
        aria-keyshortcuts={toolbar.kind === 'new' ? 'N' : undefined}
        onClick={() => {
          if (toolbar.kind === 'new') void create(DEFAULT_COLOR, true);
          else {
            setNoteTarget({ kind: 'passage', id: toolbar.id });
            setToolbar(null);
          }
        }}
        className={buttonClass}
      >
        {current?.note ? '改笔记' : '写笔记'}
      </button>
      <button type="button" onClick={() => void copy(passageText(toolbar), '已复制')} className={buttonClass}>
        复制
      </button>
      <button type="button" onClick={() => share(passageText(toolbar))} className={buttonClass}>
        分享这段
      </button>
      {toolbar.kind === 'existing' ? (
        <button type="button" onClick={() => void remove(toolbar.id)} className={`${buttonClass} text-accent`}>
          删除
        </button>
      ) : null}
    </div>
  ) : null;

  return (
    <>
      {/* In <main>, so it sits inside a landmark; <main> is not positioned, so page coordinates hold. */}
      {toolbarNode ? createPortal(toolbarNode, document.getElementById('main') ?? document.body) : null}
      <p aria-live="polite" className="sr-only" data-testid="selection-hint">
        {toolbar?.kind === 'new' ? selectionHint : ''}
      </p>
      <p
        role="status"
        aria-live="polite"
        data-testid="highlight-status"
        className={
          toast
            ? 'fixed bottom-4 left-1/2 z-50 max-w-[calc(100vw-2rem)] -translate-x-1/2 rounded-md bg-fg px-4 py-2 text-sm text-bg shadow-lg print:hidden'
            : 'sr-only'
        }
      >
        {toast?.text}
        {toast?.signIn ? (
          <>
            {' '}
            <a href={`/signin?callbackUrl=${encodeURIComponent(location.pathname)}`} className="font-medium underline">
              登录
            </a>
            <button type="button" onClick={() => setToast(null)} className="ml-3 underline" aria-label="关闭提示">
              ×
            </button>
          </>
        ) : null}
      </p>
      {noteTarget ? (
        <NoteDialog
          key={noteTarget.kind === 'article' ? 'article' : noteTarget.id}
          heading={noteTarget.kind === 'article' ? '本文笔记' : '划线笔记'}
          quote={noteTarget.kind === 'passage' ? (items.find((h) => h.id === noteTarget.id)?.exact ?? null) : null}
          initial={
            noteTarget.kind === 'article'
              ? (articleNote?.note ?? '')
              : (items.find((h) => h.id === noteTarget.id)?.note ?? '')
          }
          onSave={async (text) => {
            if (noteTarget.kind === 'article') return saveArticleNote(text);
            const ok = await change(noteTarget.id, { note: text.trim() ? text : null });
            if (ok) say(text.trim() ? '笔记已保存' : '笔记已删除');
            return ok;
          }}
          onClose={() => setNoteTarget(null)}
        />
      ) : null}
      {panelOpen ? (
        <HighlightsPanel
          slug={slug}
          signedIn={props.signedIn}
          ready={props.ready}
          passages={passages}
          articleNote={articleNote}
          anchored={(id) => anchors.get(id) !== null && anchors.get(id) !== undefined}
          onLocate={(id) => {
            onPanelClose();
            window.setTimeout(() => flash(id), 50);
          }}
          onNote={(target) => setNoteTarget(target)}
          onDelete={(id) => void remove(id)}
          onClose={onPanelClose}
        />
      ) : null}
    </>
  );
}

function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.addEventListener('close', onClose);
    return () => dialog?.removeEventListener('close', onClose);
  }, [onClose]);
  return ref;
}

const dialogClass =
  'm-auto w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-bg p-0 text-fg shadow-xl backdrop:bg-black/40';

function NoteDialog(props: {
  heading: string;
  quote: string | null;
  initial: string;
  onSave: (text: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const ref = useModal(props.onClose);
  const [text, setText] = useState(props.initial);
  const [saving, setSaving] = useState(false);
  return (
    <dialog ref={ref} aria-labelledby="note-dialog-title" className={dialogClass} data-testid="note-dialog">
      <form
        method="dialog"
        className="flex flex-col gap-3 p-4"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaving(true);
          const ok = await props.onSave(text);
          setSaving(false);
          if (ok) ref.current?.close();
        }}
      >
        <h2 id="note-dialog-title" className="text-lg font-bold">
          {props.heading}
        </h2>
        {props.quote ? (
          <blockquote className="line-clamp-4 border-l-4 border-line pl-3 text-sm text-muted">{props.quote}</blockquote>
        ) : null}
        <label className="flex flex-col gap-1 text-sm">
          <span>笔记</span>
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={NOTE_MAX}
            rows={6}
            autoFocus
            className="rounded-md border border-line bg-bg p-2 text-base text-fg"
          />
        </label>
        <p className="text-xs text-muted" aria-live="polite">
          {text.length} / {NOTE_MAX} 字{props.initial && !text.trim() ? '（留空保存即删除笔记）' : ''}
        </p>
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="h-10 rounded-md border border-line px-4 text-sm hover:border-accent"
          >
            取消
          </button>
          <button
            type="submit"
            disabled={saving}
            className="h-10 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg disabled:opacity-60"
          >
            {saving ? '保存中…' : '保存'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function HighlightsPanel(props: {
  slug: string;
  signedIn: boolean;
  ready: boolean;
  passages: readonly Highlight[];
  articleNote: Highlight | null;
  anchored: (id: string) => boolean;
  onLocate: (id: string) => void;
  onNote: (target: NoteTarget) => void;
  onDelete: (id: string) => void;
  onClose: () => void;
}) {
  const ref = useModal(props.onClose);
  const small =
    'inline-flex h-9 items-center rounded-md border border-line px-3 text-sm hover:border-accent hover:text-accent';
  return (
    <dialog ref={ref} aria-labelledby="highlights-panel-title" className={dialogClass} data-testid="highlights-panel">
      <div className="flex max-h-[80vh] flex-col">
        <div className="flex items-center justify-between border-b border-line px-4 py-3">
          <h2 id="highlights-panel-title" className="text-lg font-bold">
            本文的划线与笔记
          </h2>
          <button type="button" onClick={() => ref.current?.close()} className={small} aria-label="关闭">
            关闭
          </button>
        </div>
        <div className="overflow-y-auto px-4 py-3">
          {!props.ready ? (
            <p className="text-sm text-muted">正在读取…</p>
          ) : !props.signedIn ? (
            <p className="text-sm">
              在正文中选中文字即可划线、写笔记；
              <a
                href={`/signin?callbackUrl=${encodeURIComponent(location.pathname)}`}
                className="text-accent underline"
              >
                登录
              </a>
              后，划线和笔记会保存在账号里，在手机和电脑上都能看到。
            </p>
          ) : (
            <>
              <section aria-labelledby="article-note-title" className="mb-4">
                <h3 id="article-note-title" className="mb-1 text-sm font-bold">
                  本文笔记
                </h3>
                {props.articleNote?.note ? (
                  <p className="text-sm whitespace-pre-wrap">{props.articleNote.note}</p>
                ) : (
                  <p className="text-sm text-muted">还没有为这篇文章写笔记。</p>
                )}
                <button type="button" onClick={() => props.onNote({ kind: 'article' })} className={`${small} mt-2`}>
                  {props.articleNote ? '修改本文笔记' : '写本文笔记'}
                </button>
              </section>
              <h3 className="mb-1 text-sm font-bold">划线（{props.passages.length}）</h3>
              {props.passages.length === 0 ? (
                <p className="text-sm text-muted">在正文中选中文字，就能划线。键盘：选中后按 H 划线，按 N 写笔记。</p>
              ) : (
                <ol className="flex flex-col gap-3">
                  {props.passages.map((h) => {
                    const anchored = props.anchored(h.id);
                    return (
                      <li key={h.id} className="rounded-md border border-line p-3" data-testid="panel-highlight">
                        <blockquote
                          className="line-clamp-4 border-l-4 pl-3 text-sm"
                          style={{ borderColor: h.color ? SWATCH[h.color] : undefined }}
                        >
                          {h.exact}
                        </blockquote>
                        {!anchored ? (
                          <p className="mt-1 text-xs font-medium text-accent">原文已改动：找不到这段文字原来的位置</p>
                        ) : null}
                        {h.note ? <p className="mt-2 text-sm whitespace-pre-wrap text-muted">笔记：{h.note}</p> : null}
                        <div className="mt-2 flex flex-wrap gap-2">
                          {anchored ? (
                            <button type="button" onClick={() => props.onLocate(h.id)} className={small}>
                              定位
                            </button>
                          ) : null}
                          <button
                            type="button"
                            onClick={() => props.onNote({ kind: 'passage', id: h.id })}
                            className={small}
                            disabled={h.id.startsWith('pending-')}
                          >
                            {h.note ? '改笔记' : '写笔记'}
                          </button>
                          <button
                            type="button"
                            onClick={() => props.onDelete(h.id)}
                            className={small}
                            aria-label={`删除划线：${(h.exact ?? '').slice(0, 20)}`}
                            disabled={h.id.startsWith('pending-')}
                          >
                            删除
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              )}
            </>
          )}
        </div>
        {props.signedIn ? (
          <div className="flex flex-wrap gap-2 border-t border-line px-4 py-3 text-sm">
            <a
              href={`/api/highlights/export?format=md&slug=${encodeURIComponent(props.slug)}`}
              download
              className={small}
            >
              导出本文（Markdown）
            </a>
            <a href="/highlights" className={small}>
              我的全部划线
            </a>
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
