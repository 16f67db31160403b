import Link from 'next/link';

const LABEL = { draft: '草稿', scheduled: '定时发布（尚未到时间）', published: '已发布文章的当前文件' } as const;

/** Shown on every page rendered in Draft Mode, so an editor never mistakes a preview for the live site. */
export function PreviewBanner({ status, returnTo }: { status: keyof typeof LABEL; returnTo: string }) {
  return (
    <div
      role="status"
      className="sticky top-14 z-20 border-b border-amber-500/40 bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50 print:hidden"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p className="font-semibold">
          预览模式 · {LABEL[status]}
          <span className="ml-2 font-normal">只有编辑能看到这个页面；文件改动刷新即可看到。</span>
        </p>
        <div className="ml-auto flex items-center gap-3">
          <Link href="/drafts" className="underline underline-offset-2">
            草稿列表
          </Link>
          <form method="post" action="/api/preview/exit">
            <input type="hidden" name="next" value={returnTo} />
            <button
              type="submit"
              className="rounded-md bg-amber-950 px-3 py-1 text-amber-50 hover:opacity-90 dark:bg-amber-50 dark:text-amber-950"
            >
              退出预览
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
