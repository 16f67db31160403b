'use client';
// 收藏夹 for one article: tick the collections it belongs to, or make a new one (which then holds it). Adding an
// article to a collection saves it. Loaded when first opened (saved-options.tsx, the rows of 我的收藏).
import { useEffect, useState } from 'react';
import { useModal } from '@/components/layout/use-modal';
import { messageOf, sendJson } from './api-client';
import type { CollectionsResponse, CollectionWriteResponse } from '@/lib/accounts/api-types';

type Item = CollectionsResponse['collections'][number];

export default function CollectionsDialog({
  slug,
  title,
  onClose,
  onSaved,
}: {
  slug: string;
  title: string;
  onClose: () => void;
  /** Called when adding to a collection saved the article. */
  onSaved?: () => void;
}) {
  const ref = useModal(onClose);
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(`/api/collections?slug=${encodeURIComponent(slug)}`, { credentials: 'same-origin', cache: 'no-store' })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as CollectionsResponse | null;
        if (!live) return;
        if (res.ok && body) setItems(body.collections);
        else setError(messageOf(body, '收藏夹读取失败，请稍后再试'));
      })
      .catch(() => live && setError('网络异常，收藏夹读取失败'));
    return () => {
      live = false;
    };
  }, [slug]);

  async function toggle(item: Item, member: boolean) {
    setError('');
    setItems(
      (list) => list?.map((i) => (i.id === item.id ? { ...i, member, count: i.count + (member ? 1 : -1) } : i)) ?? null,
    );
    try {
      const res = await sendJson(`/api/collections/${item.id}/items`, 'PUT', { slug, member });
      if (res.ok) {
        setStatus(member ? `已加入“${item.name}”` : `已从“${item.name}”移出`);
        if (member) onSaved?.();
        return;
      }
      setError(messageOf(res.json, '没有保存，请稍后再试'));
    } catch {
      setError('网络异常，没有保存');
    }
    setItems((list) => list?.map((i) => (i.id === item.id ? item : i)) ?? null);
  }

  async function create(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError('');
    try {
      const res = await sendJson('/api/collections', 'POST', { name });
      const body = res.json as CollectionWriteResponse | null;
      if (res.ok && body && 'collection' in body) {
        const created: Item = { ...body.collection, member: false };
        setItems((list) => [...(list ?? []), created]);
        setName('');
        await toggle(created, true);
      } else setError(messageOf(body, '没有创建，请稍后再试'));
    } catch {
      setError('网络异常，没有创建');
    }
    setBusy(false);
  }

  const small = 'inline-flex h-10 items-center rounded-md border border-line px-3 text-sm hover:border-accent';
  return (
    <dialog
      ref={ref}
      aria-labelledby="collections-title"
      className="m-auto w-[min(26rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-bg p-0 text-fg shadow-xl backdrop:bg-black/40"
    >
      <div className="flex flex-col gap-3 p-4">
        <h2 id="collections-title" className="text-lg font-bold">
          收藏夹
        </h2>
        <p className="line-clamp-2 text-sm text-muted">《{title}》</p>
        {items === null && !error ? <p className="text-sm text-muted">正在读取…</p> : null}
        {items && items.length === 0 ? <p className="text-sm text-muted">还没有收藏夹，在下面新建一个。</p> : null}
        {items && items.length > 0 ? (
          <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
            {items.map((item) => (
              <li key={item.id}>
                <label className="flex min-h-10 items-center gap-3 rounded px-2 hover:bg-surface">
                  <input
                    type="checkbox"
                    checked={item.member}
                    onChange={(e) => void toggle(item, e.target.checked)}
                    className="h-5 w-5 accent-[var(--c-accent)]"
                  />
                  <span className="flex-1">{item.name}</span>
                  <span className="text-xs text-muted">{item.count} 篇</span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={create} className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span>新建收藏夹</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={40}
              className="h-10 rounded-md border border-line bg-bg px-2 text-base text-fg"
            />
          </label>
          <button type="submit" disabled={busy || !name.trim()} className={`${small} disabled:opacity-60`}>
            新建并加入
          </button>
        </form>
        <p role="status" aria-live="polite" className={error ? 'text-sm text-accent' : 'text-sm text-muted'}>
          {error || status}
        </p>
        <div className="flex justify-end">
          <button type="button" onClick={() => ref.current?.close()} className={small}>
            完成
          </button>
        </div>
      </div>
    </dialog>
  );
}
