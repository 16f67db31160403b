// The reader's highlight writes from an article page: optimistic in the reader-state store, confirmed by
// /api/highlights, rolled back with the route's zh-CN message (or a network one) when refused.
import type { ArticleNoteWriteResponse, Highlight, HighlightWriteResponse } from '@/lib/accounts/api-types';
import type { Selectors } from '@/lib/reading/anchoring';
import { COLOR_NAMES, type HighlightColor } from '@/lib/reading/highlight-colors';
import { messageOf, sendJson } from '@/components/account/api-client';
import { getSnapshot, updateHighlights } from '@/components/account/reader-state';

/** Shows a message; `signIn` adds a sign-in link (the server said the reader is signed out). */
export type Say = (text: string, signIn?: boolean) => void;

/** Highlights shown before the server has them; they cannot be changed or deleted until it does. */
export const isPending = (id: string) => id.startsWith('pending-');
let pendingIds = 0;

function itemsOf(slug: string): readonly Highlight[] {
  const current = getSnapshot().highlights;
  return current?.slug === slug ? current.items : [];
}

const idPath = (id: string) => `/api/highlights/${encodeURIComponent(id)}`;

/** Saves a new highlight (shown at once); the saved one, or null. */
export async function saveHighlight(
  slug: string,
  color: HighlightColor,
  selectors: Selectors,
  say: Say,
): Promise<Highlight | null> {
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
  try {
    const { status, json } = await sendJson('/api/highlights', 'POST', { slug, color, ...selectors });
    const saved = json as HighlightWriteResponse | null;
    if (saved && 'highlight' in saved) {
      updateHighlights(slug, (list) => list.map((h) => (h.id === temp.id ? saved.highlight : h)));
      say(`已用${COLOR_NAMES[color]}划线`);
      return saved.highlight;
    }
    updateHighlights(slug, (list) => list.filter((h) => h.id !== temp.id));
    say(messageOf(json, '划线没有保存，请稍后再试'), status === 401);
  } catch {
    updateHighlights(slug, (list) => list.filter((h) => h.id !== temp.id));
    say('网络异常，划线没有保存');
  }
  return null;
}

/** Recolours a highlight or writes its note (null removes it); whether the server kept the change. */
export async function changeHighlight(
  slug: string,
  id: string,
  patch: { color?: HighlightColor; note?: string | null },
  say: Say,
): Promise<boolean> {
  const before = itemsOf(slug).find((h) => h.id === id);
  if (!before || isPending(id)) return false;
  const put = (value: Highlight) => updateHighlights(slug, (list) => list.map((h) => (h.id === id ? value : h)));
  put({ ...before, ...patch });
  try {
    const { status, json } = await sendJson(idPath(id), 'PATCH', patch);
    const saved = json as HighlightWriteResponse | null;
    if (saved && 'highlight' in saved) {
      put(saved.highlight);
      return true;
    }
    // Gone on another device: gone here too.
    if (status === 404) updateHighlights(slug, (list) => list.filter((h) => h.id !== id));
    else put(before);
    say(messageOf(json, '没有保存，请稍后再试'), status === 401);
  } catch {
    put(before);
    say('网络异常，没有保存');
  }
  return false;
}

/** Deletes a highlight or the article's note (at once, put back if the server refuses). */
export async function deleteHighlight(slug: string, id: string, say: Say): Promise<void> {
  if (isPending(id)) return;
  const before = itemsOf(slug);
  updateHighlights(slug, (list) => list.filter((h) => h.id !== id));
  try {
    const { status, json } = await sendJson(idPath(id), 'DELETE');
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
}

/** Writes (or, emptied, deletes) the note on the whole article; whether the server kept it. */
export async function saveArticleNote(slug: string, text: string, say: Say): Promise<boolean> {
  try {
    const { status, json } = await sendJson('/api/highlights/note', 'PUT', { slug, note: text });
    const saved = json as ArticleNoteWriteResponse | null;
    if (saved && 'note' in saved) {
      updateHighlights(slug, (list) => [...list.filter((h) => h.exact !== null), ...(saved.note ? [saved.note] : [])]);
      say(saved.note ? '本文笔记已保存' : '本文笔记已删除');
      return true;
    }
    say(messageOf(json, '笔记没有保存，请稍后再试'), status === 401);
  } catch {
    say('网络异常，笔记没有保存');
  }
  return false;
}
