'use client';
// 分享: the system share sheet where there is one (phones), else the link copied to the clipboard, said aloud
// and on screen; when nothing can copy, the address is shown selected for the reader to copy by hand.
import { useEffect, useRef, useState } from 'react';
import { shareLink, type ShareOutcome, type ShareTarget } from '@/lib/reading/share-link';

export const LINK_COPIED = '链接已复制';

/** The pre-Clipboard-API way: a selected, off-screen field and `execCommand('copy')`. */
export function copyBySelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } finally {
    field.remove();
  }
}

function browserMethods() {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return {
    share: typeof nav?.share === 'function' ? (data: ShareTarget) => nav.share(data) : undefined,
    canShare: typeof nav?.canShare === 'function' ? (data: ShareTarget) => nav.canShare(data) : undefined,
    writeText:
      typeof nav?.clipboard?.writeText === 'function' ? (text: string) => nav.clipboard.writeText(text) : undefined,
    copyBySelection,
  };
}

function ShareIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 15V3.5M7.5 8L12 3.5 16.5 8" />
      <path d="M6 11H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1" />
    </svg>
  );
}

/** `url` is the article's canonical absolute address (SITE_URL), not whatever the address bar shows. */
export function ShareButton({ url, title }: ShareTarget) {
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const manual = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome === 'failed') manual.current?.select();
    if (outcome !== 'copied') return;
    const timer = window.setTimeout(() => setOutcome(null), 4000);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  async function onClick() {
    setOutcome(null);
    setOutcome(await shareLink({ url, title }, browserMethods()));
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={onClick}
        title="分享或复制本文链接"
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line px-3 text-sm text-muted transition-colors hover:border-accent hover:text-accent"
      >
        <ShareIcon />
        分享
      </button>
      <span role="status" aria-live="polite" className="text-sm text-muted">
        {outcome === 'copied' ? LINK_COPIED : outcome === 'failed' ? '无法自动复制，请手动复制链接：' : null}
      </span>
      {outcome === 'failed' ? (
        <input
          ref={manual}
          readOnly
          value={url}
          aria-label="本文链接"
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 w-full max-w-[22rem] rounded-md border border-line bg-bg px-2 text-sm text-fg"
        />
      ) : null}
    </span>
  );
}
