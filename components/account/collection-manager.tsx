'use client';
// 管理收藏夹 on 我的收藏: make, rename and delete collections (deleting one keeps its articles saved).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CollectionSummary } from '@/lib/accounts/api-types';
import { messageOf, sendJson } from './api-client';

/** A write's outcome as the manager shows it. */
async function send(url: string, method: string, body?: unknown): Promise<{ ok: boolean; message: string }> {
  try {
    const res = await sendJson(url, method, body);
    return { ok: res.ok, message: res.ok ? '' : messageOf(res.json, '没有保存，请稍后再试') };
  } catch {
    return { ok: false, message: '网络异常，没有保存' };
  }
}

export function CollectionManager({ collections }: { collections: CollectionSummary[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const field = 'h-10 rounded-md border border-line bg-bg px-2 text-base text-fg';
  const button = 'inline-flex h-10 items-center rounded-md border border-line px-3 text-sm hover:border-accent';

  async function act(run: Promise<{ ok: boolean; message: string }>, done: string) {
    const result = await run;
    setStatus(result.ok ? { text: done, error: false } : { text: result.message, error: true });
    if (result.ok) router.refresh();
    return result.ok;
  }

  return (
    <section aria-labelledby="manage-collections" className="mt-10 rounded-lg border border-line p-4">
      <h2 id="manage-collections" className="text-lg font-bold">
        管理收藏夹
      </h2>
      {collections.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-2">
          {collections.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2">
              {editing?.id === c.id ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (await act(send(`/api/collections/${c.id}`, 'PATCH', { name: editing.name }), '已改名'))
                      setEditing(null);
                  }}
                >
                  <label className="sr-only" htmlFor={`rename-${c.id}`}>
                    “{c.name}”的新名称
                  </label>
                  <input
                    id={`rename-${c.id}`}
                    value={editing.name}
                    onChange={(e) => setEditing({ id: c.id, name: e.target.value })}
                    maxLength={40}
                    className={field}
                    autoFocus
                  />
                  <button type="submit" className={button}>
                    保存
                  </button>
                  <button type="button" className={button} onClick={() => setEditing(null)}>
                    取消
                  </button>
                </form>
              ) : (
                <>
                  <span className="min-w-0 flex-1">
                    {c.name} <span className="text-sm text-muted">{c.count} 篇</span>
                  </span>
                  <button
                    type="button"
                    className={button}
                    aria-label={`重命名“${c.name}”`}
                    onClick={() => setEditing({ id: c.id, name: c.name })}
                  >
                    重命名
                  </button>
                  <button
                    type="button"
                    className={button}
                    aria-label={`删除收藏夹“${c.name}”`}
                    onClick={() => {
                      if (window.confirm(`删除收藏夹“${c.name}”？其中的文章仍保留在我的收藏里。`))
                        void act(send(`/api/collections/${c.id}`, 'DELETE'), `已删除“${c.name}”`);
                    }}
                  >
                    删除
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">还没有收藏夹。建一个，把收藏的文章分门别类。</p>
      )}
      <form
        className="mt-4 flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await act(send('/api/collections', 'POST', { name }), `已新建“${name.trim()}”`)) setName('');
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          <span>新建收藏夹</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} className={field} />
        </label>
        <button type="submit" disabled={!name.trim()} className={`${button} disabled:opacity-60`}>
          新建
        </button>
      </form>
      <p role="status" aria-live="polite" className={`mt-2 text-sm ${status?.error ? 'text-accent' : 'text-muted'}`}>
        {status?.text}
      </p>
    </section>
  );
}
