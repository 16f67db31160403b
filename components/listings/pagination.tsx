import { IntentLink } from '@/components/layout/intent-link';
import { pagerWindow } from '@/lib/content/paginate';

type Props = { page: number; totalPages: number; href: (page: number) => string };

export function Pagination({ page, totalPages, href }: Props) {
  if (totalPages <= 1) return null;
  const item = 'inline-flex h-10 min-w-10 items-center justify-center rounded-md px-3';
  return (
    <nav aria-label="分页" className="mt-10 flex flex-wrap items-center justify-center gap-1 text-sm">
      {page > 1 ? (
        <IntentLink href={href(page - 1)} rel="prev" className={`${item} hover:bg-surface`}>
          ← 上一页
        </IntentLink>
      ) : null}
      <ol className="flex flex-wrap items-center gap-1">
        {pagerWindow(page, totalPages).map((p, i) =>
          p === 0 ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${item} bg-accent font-semibold text-accent-fg`}>
                  <span className="sr-only">第 </span>
                  {p}
                  <span className="sr-only"> 页</span>
                </span>
              ) : (
                <IntentLink href={href(p)} className={`${item} hover:bg-surface`} aria-label={`第 ${p} 页`}>
                  {p}
                </IntentLink>
              )}
            </li>
          ),
        )}
      </ol>
      {page < totalPages ? (
        <IntentLink href={href(page + 1)} rel="next" className={`${item} hover:bg-surface`}>
          下一页 →
        </IntentLink>
      ) : null}
    </nav>
  );
}
