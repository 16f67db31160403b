'use client';
// A friendly zh-CN page for unexpected render errors; the detail goes to the server log, never the reader.
import Link from 'next/link';
import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16" role="alert">
      <p className="text-sm font-semibold tracking-widest text-accent">出错了</p>
      <h1 className="mt-2 text-3xl font-bold">页面暂时打不开</h1>
      <p className="mt-4 text-muted">服务器在处理这个页面时遇到了问题。请稍后再试；如果一直这样，请告诉我们。</p>
      {error.digest ? <p className="mt-2 text-xs text-muted">错误编号：{error.digest}</p> : null}
      <p className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-accent px-4 py-2 text-accent-fg hover:opacity-90"
        >
          重试
        </button>
        <Link href="/" className="rounded-md border border-line px-4 py-2 hover:bg-surface">
          回到首页
        </Link>
      </p>
    </div>
  );
}
