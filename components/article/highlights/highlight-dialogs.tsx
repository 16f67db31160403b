'use client';
// The dialogs of 划线与笔记 on an article page: the note editor (a passage's note or the article's own), and the
// 划线笔记 panel (the article's note, every highlight in reading order with 定位 / 笔记 / 删除, 原文已改动 for one
// that can no longer be found, export). Native <dialog>s: focus is kept inside and Escape closes them.
import { useState } from 'react';
import type { Highlight } from '@/lib/accounts/api-types';
import { SWATCH_COLORS } from '@/lib/reading/highlight-colors';
import { useModal } from '@/components/layout/use-modal';

export type NoteTarget = { kind: 'passage'; id: string } | { kind: 'article' };

const NOTE_MAX = 5000;

const dialogClass =
  'm-auto w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-bg p-0 text-fg shadow-xl backdrop:bg-black/40';

export function NoteDialog(props: {
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

export function HighlightsPanel(props: {
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
                          style={{ borderColor: h.color ? SWATCH_COLORS[h.color] : undefined }}
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
