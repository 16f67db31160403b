'use client';
// 删除 on 我的划线: removes one highlight or article note (DELETE /api/highlights/<id>) and refreshes the list;
// the only way to remove a highlight of an article that has left the site.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { messageOf, sendJson } from './api-client';

export function HighlightDeleteButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const [message, setMessage] = useState('');

  async function onClick() {
    setState('busy');
    try {
      const res = await sendJson(`/api/highlights/${encodeURIComponent(id)}`, 'DELETE');
      if (res.ok || res.status === 404) {
        setMessage('已删除');
        router.refresh();
        return;
      }
      setState('error');
      setMessage(messageOf(res.json, '没有删除，请稍后再试'));
    } catch {
      setState('error');
      setMessage('网络异常，没有删除');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        disabled={state === 'busy'}
        aria-label={`删除：${label}`}
        className="rounded px-1 text-xs text-muted underline hover:text-accent disabled:opacity-60"
      >
        删除
      </button>
      <span role="status" className={state === 'error' ? 'text-xs text-accent' : 'sr-only'}>
        {message}
      </span>
    </span>
  );
}
