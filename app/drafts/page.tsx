import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PublishCountdown } from '@/components/drafts/publish-countdown';
import { AUTHOR_FALLBACK } from '@/components/listings/article-card';
import { getSessionClaims } from '@/lib/accounts/auth';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { articlePath } from '@/lib/content/paths';
import { formatProblem } from '@/lib/content/problems';
import { getCurrentEditor } from '@/lib/accounts/editors';
import { formatDate } from '@/lib/format/date';
import { listDrafts } from '@/lib/content/preview';

export const metadata: Metadata = { title: '草稿', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

const STATUS = { draft: '草稿', scheduled: '定时发布' } as const;

export default async function DraftsPage() {
  // The proxy sends signed-out visitors to sign in; the editor check is this page's own.
  if (!(await getSessionClaims())) redirect('/signin?callbackUrl=%2Fdrafts');
  const editor = await getCurrentEditor();
  if (!editor) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="text-2xl font-bold">这里只对编辑开放</h1>
        <p className="mt-4 text-muted">你的账户不是编辑账户。如果你负责这个站点的内容，请让管理员把你设为编辑。</p>
      </div>
    );
  }
  const { drafts, unreadable } = listDrafts();
  const { timeZone } = getConfig();
  // The clock that decides what is published (the content index's), so the countdown agrees with it.
  const now = getContentIndex().now();
  const scheduled = drafts.filter((d) => d.status === 'scheduled').length;

  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <h1 className="border-b border-line pb-5 text-2xl font-bold sm:text-3xl">草稿与定时发布</h1>
      <p className="mt-3 text-sm text-muted">
        只有编辑能看到这里。预览按读者看到的样子渲染文件的当前内容，改动后刷新即可；读者在发布前看不到它们。
        {scheduled > 0
          ? ` 定时发布的 ${scheduled} 篇到点自动上线：首页、列表、订阅、站点地图和搜索同时出现，不用重新构建。`
          : ''}
      </p>
      {drafts.length === 0 ? (
        <p className="py-16 text-center text-muted">现在没有草稿。</p>
      ) : (
        <ul className="mt-6 divide-y divide-line">
          {drafts.map((d) => (
            <li key={d.file} className="py-5">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="text-xs text-muted">
                    <span className="mr-2 rounded bg-surface px-1.5 py-0.5 font-semibold text-fg">
                      {STATUS[d.status]}
                    </span>
                    <code className="break-all">{d.file}</code>
                  </p>
                  <h2 className="mt-1 text-lg font-bold">{d.title}</h2>
                  <p className="mt-1 text-sm text-muted">
                    {d.author ?? AUTHOR_FALLBACK} · <time dateTime={d.date}>{formatDate(d.date, timeZone)}</time>
                    {d.status === 'scheduled' ? ' 发布' : ''} · 地址 {articlePath(d.slug)}
                  </p>
                  {d.status === 'scheduled' ? (
                    <p className="mt-1 text-sm font-semibold text-fg">
                      <PublishCountdown at={Date.parse(d.date)} renderedAt={now} />
                    </p>
                  ) : null}
                </div>
                <Link
                  href={`/api/preview?slug=${encodeURIComponent(d.slug)}`}
                  prefetch={false}
                  className="shrink-0 rounded-md bg-accent px-4 py-2 text-sm text-accent-fg hover:opacity-90"
                  aria-label={`预览：${d.title}`}
                >
                  预览
                </Link>
              </div>
              {d.problems.length > 0 ? (
                <ul className="mt-3 space-y-1 rounded-md border border-amber-500/40 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
                  {d.problems.map((p, i) => (
                    <li key={i}>{formatProblem(p)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {unreadable.length > 0 ? (
        <section className="mt-10" aria-labelledby="unreadable-heading">
          <h2 id="unreadable-heading" className="text-lg font-bold">
            无法读取的文件
          </h2>
          <ul className="mt-3 space-y-1 text-sm text-muted">
            {unreadable.map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
