import { IntentLink } from '@/components/layout/intent-link';
import { BookmarkButton } from '@/components/account/bookmark-button';
import type { ArticleMeta } from '@/lib/content/types';
import { articlePath, authorPath, categoryPath } from '@/lib/content/paths';
import { formatDate } from '@/lib/format/date';
import { getConfig } from '@/lib/config';
import { cardImage } from '@/lib/site/card-image';

export const AUTHOR_FALLBACK = '佚名';

export function ArticleCard({ article, eager = false }: { article: ArticleMeta; eager?: boolean }) {
  const { timeZone } = getConfig();
  const image = cardImage(article);
  const href = articlePath(article.slug);
  return (
    <article className="group relative grid grid-cols-[1fr_6.5rem] gap-4 border-b border-line py-6 sm:grid-cols-[1fr_11rem] sm:gap-6">
      <div className="min-w-0">
        <h2 className="text-lg leading-snug font-bold sm:text-xl">
          <IntentLink href={href} className="text-fg hover:text-accent">
            {article.title}
          </IntentLink>
        </h2>
        {article.excerpt ? (
          <p className="mt-2 line-clamp-3 text-[0.95rem] leading-relaxed text-muted">{article.excerpt}</p>
        ) : null}
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          {article.author ? (
            <IntentLink
              href={authorPath(article.author)}
              className="inline-flex min-h-6 min-w-6 items-center hover:text-fg"
            >
              {article.author}
            </IntentLink>
          ) : (
            <span>{AUTHOR_FALLBACK}</span>
          )}
          <time dateTime={article.date}>{formatDate(article.date, timeZone)}</time>
          {article.categories.length > 0 ? (
            <span className="flex flex-wrap gap-2">
              {article.categories.map((c) => (
                <IntentLink
                  key={c}
                  href={categoryPath(c)}
                  className="inline-flex min-h-6 min-w-6 items-center rounded bg-surface px-2 text-[0.8rem] hover:text-fg"
                >
                  {c}
                </IntentLink>
              ))}
            </span>
          ) : null}
        </p>
        <div className="mt-2">
          <BookmarkButton slug={article.slug} title={article.title} compact />
        </div>
      </div>
      {image ? (
        <IntentLink
          href={href}
          tabIndex={-1}
          aria-hidden="true"
          className="block self-start overflow-hidden rounded-md bg-surface"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- remote, hotlink-protected images must keep no-referrer */}
          <img
            src={image}
            alt=""
            width={352}
            height={240}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            referrerPolicy="no-referrer"
            className="aspect-[22/15] h-auto w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
          />
        </IntentLink>
      ) : null}
    </article>
  );
}
