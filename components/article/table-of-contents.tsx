import type { TocEntry } from '@/lib/render/types';
import { TocLinks } from './toc-links';

/** Collapsible above the text on small screens; pinned beside it from lg up (see ArticleTocAside). */
export function ArticleTocInline({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav aria-label="文章目录" className="mb-8 rounded-lg border border-line bg-surface/60 lg:hidden print:hidden">
      <details>
        <summary className="cursor-pointer list-inside px-4 py-3 font-semibold select-none">
          目录（{toc.length} 节）
        </summary>
        <div className="px-2 pb-3">
          <TocLinks toc={toc} />
        </div>
      </details>
    </nav>
  );
}

export function ArticleTocAside({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav
      aria-label="文章目录"
      className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto lg:block print:hidden"
    >
      <p className="mb-2 px-2 text-xs font-semibold tracking-widest text-muted">目录</p>
      <TocLinks toc={toc} />
    </nav>
  );
}
