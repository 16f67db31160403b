import type { ReactNode } from 'react';
import type { ArticleMeta } from '@/lib/content/types';
import { ArticleCard } from './article-card';
import { Pagination } from './pagination';

type Props = {
  heading: ReactNode;
  /** Visually hidden heading for the home page, where the site name already says where you are. */
  headingHidden?: boolean;
  intro?: ReactNode;
  articles: ArticleMeta[];
  page: number;
  totalPages: number;
  total: number;
  href: (page: number) => string;
};

export function ArticleList({ heading, headingHidden, intro, articles, page, totalPages, total, href }: Props) {
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8">
      <header className={headingHidden ? 'sr-only' : 'mb-2 border-b border-line pb-5'}>
        <h1 className="text-2xl font-bold sm:text-3xl">{heading}</h1>
        {intro ? <div className="mt-2 text-muted">{intro}</div> : null}
        <p className="mt-1 text-sm text-muted">
          共 {total} 篇{totalPages > 1 ? `，第 ${page} / ${totalPages} 页` : ''}
        </p>
      </header>
      {articles.length === 0 ? (
        <p className="py-16 text-center text-muted">这里还没有文章。</p>
      ) : (
        <div>
          {articles.map((a, i) => (
            <ArticleCard key={a.slug} article={a} eager={page === 1 && i === 0} />
          ))}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} href={href} />
    </div>
  );
}
