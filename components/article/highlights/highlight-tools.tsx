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
import type { Highlight } from '@/lib/accounts/api-types';
import { describeText } from '@/lib/reading/anchoring';
import { DEFAULT_COLOR, highlightColors, type HighlightColor } from '@/lib/reading/highlight-colors';
import {
  buildTextIndex,
  offsetAtPoint,
  offsetsRange,
  rangeOffsets,
  trimOffsets,
  type TextIndex,
} from '@/lib/reading/text-index';
import { settledSnapshot } from '@/components/account/reader-state';
import { copyBySelection } from '@/components/article/share-button';
import { HighlightsPanel, NoteDialog, type NoteTarget } from './highlight-dialogs';
import { anchorPassages, pageBox, paint, PAINT_NAMES, passageLink, registry, type ToolbarPlace } from './highlight-dom';
import { HighlightToolbar } from './highlight-toolbar';
import { changeHighlight, deleteHighlight, saveArticleNote, saveHighlight } from './highlight-writes';

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

type Toast = { text: string; signIn?: boolean };

export default function HighlightTools(props: Props) {
  const { slug, title, url, bodyId, items, panelOpen, onPanelClose } = props;
  const [toolbar, setToolbar] = useState<ToolbarPlace | null>(null);
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
      setToolbar(null);
      document.getSelection()?.removeAllRanges();
      const saved = await saveHighlight(slug, color, describeText(index.text, toolbar.start, toolbar.end), say);
      if (saved && withNote) setNoteTarget({ kind: 'passage', id: saved.id });
    },
    [ensureSignedIn, say, slug, textIndex, toolbar],
  );

  const remove = (id: string) => {
    setToolbar(null);
    void deleteHighlight(slug, id, say);
  };

  const passageText = (t: ToolbarPlace): string => {
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
  const toolbarNode = toolbar ? (
    <HighlightToolbar
      toolbar={toolbar}
      current={current ?? null}
      toolbarRef={toolbarRef}
      onPress={(down) => {
        if (down) pressingToolbar.current = true;
        else window.setTimeout(() => (pressingToolbar.current = false), 300);
      }}
      onColor={(c) =>
        toolbar.kind === 'new' ? void create(c, false) : void changeHighlight(slug, toolbar.id, { color: c }, say)
      }
      onNote={() => {
        if (toolbar.kind === 'new') void create(DEFAULT_COLOR, true);
        else {
          setNoteTarget({ kind: 'passage', id: toolbar.id });
          setToolbar(null);
        }
      }}
      onCopy={() => void copy(passageText(toolbar), '已复制')}
      onShare={() => share(passageText(toolbar))}
      onDelete={() => toolbar.kind === 'existing' && remove(toolbar.id)}
    />
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
            if (noteTarget.kind === 'article') return (await ensureSignedIn()) && saveArticleNote(slug, text, say);
            const ok = await changeHighlight(slug, noteTarget.id, { note: text.trim() ? text : null }, say);
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
          onDelete={remove}
          onClose={onPanelClose}
        />
      ) : null}
    </>
  );
}
