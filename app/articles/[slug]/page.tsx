import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleBody } from '@/components/article/body/article-body';
import { ArticleHero } from '@/components/article/article-hero';
import { ImageViewer } from '@/components/article/image-viewer';
import { AUTHOR_FALLBACK } from '@/components/listings/article-card';
import { ArticleNeighbors } from '@/components/article/article-neighbors';
import { BackToTop } from '@/components/article/back-to-top';
import { BookmarkButton } from '@/components/account/bookmark-button';
import { SavedOptionsSlot } from '@/components/account/saved-options-slot';
import { ArticleJsonLd } from '@/components/article/json-ld';
import { PreviewBanner } from '@/components/article/preview-banner';
import { ReadingPosition } from '@/components/article/reading-position';
import { ReadingProgress } from '@/components/article/reading-progress';
import { ReadingRecorder } from '@/components/account/reading-recorder';
import { RelatedArticles } from '@/components/article/related-articles';
import { ShareButton } from '@/components/article/share-button';
import { HighlightLayer } from '@/components/article/highlights/highlight-layer';
import { ArticleTocAside, ArticleTocInline } from '@/components/article/table-of-contents';
import { absoluteUrl, getConfig } from '@/lib/config';
import { siteArticle, siteIndex } from '@/lib/content/site';
import { articlePath, authorPath, categoryPath, tagPath } from '@/lib/content/paths';
import { formatDate } from '@/lib/format/date';
import type { PreviewArticle } from '@/lib/content/preview';
import { routeParam, type ParamSource } from '@/lib/site/route-params';
import { shareImage } from '@/lib/site/structured-data';
import { alternates } from '@/lib/site/alternates';

// Neighbour links follow newly published (scheduled) articles without a rebuild.
export const revalidate = 600;

type Props = { params: Promise<{ slug: string }> };

/** The article text's element, which the reading aids measure. */
const BODY_ID = 'article-body';
/** Just after the text: reaching it marks a saved article 已读. */
const END_ID = 'article-end';

export async function generateStaticParams() {
  const { prerenderArticles } = getConfig();
  return (await siteIndex()).latest(prerenderArticles).map((a) => ({ slug: a.slug }));
}

async function slugOf(props: Props, from: ParamSource) {
  return routeParam((await props.params).slug, from);
}

/**
 * In Draft Mode, for a signed-in editor only: the article as its file reads now, drafts included.
 * Outside Draft Mode nothing here touches cookies, so the page stays static for readers. Cached per
 * request: metadata and page share one read of the content folder. The accounts code (next-auth, the
 * database) and the draft reader (which parses whole files) are loaded only here: readers' renders, and
 * a fresh server's first answer, never wait for them.
 */
const preview = cache(async (slug: string): Promise<PreviewArticle | undefined> => {
  if (!(await draftMode()).isEnabled) return undefined;
  const { getCurrentEditor } = await import('@/lib/accounts/editors');
  if (!(await getCurrentEditor())) return undefined;
  const { previewArticle } = await import('@/lib/content/preview');
  return previewArticle(slug);
});

export async function generateMetadata(props: Props): Promise<Metadata> {
  const slug = await slugOf(props, 'metadata');
  const draft = await preview(slug);
  if (draft) return { title: `预览：${draft.title}`, robots: { index: false, follow: false } };
  const meta = (await siteIndex()).getMeta(slug);
  if (!meta) return { title: '页面不存在' };
  const image = shareImage(meta);
  return {
    title: meta.title,
    description: meta.excerpt,
    authors: meta.author ? [{ name: meta.author, url: authorPath(meta.author) }] : undefined,
    alternates: alternates(articlePath(meta.slug)),
    openGraph: {
      type: 'article',
      title: meta.title,
      description: meta.excerpt,
      url: absoluteUrl(articlePath(meta.slug)),
      publishedTime: meta.date,
      authors: meta.author ? [meta.author] : undefined,
      section: meta.categories[0],
      tags: meta.tags,
      // Without a picture of its own, the generated card (opengraph-image.tsx) is used.
      ...(image ? { images: [{ url: image }] } : {}),
    },
    twitter: { card: 'summary_large_image', title: meta.title, description: meta.excerpt },
  };
}

/**
 * Save and share, under the title and again after the text; never in a printout. The first row also holds
 * 划线笔记, whose island paints the reader's highlights over the body.
 */
function ArticleActions({
  slug,
  title,
  className,
  highlights = false,
}: {
  slug: string;
  title: string;
  className: string;
  highlights?: boolean;
}) {
  const url = absoluteUrl(articlePath(slug));
  return (
    <div className={`flex flex-wrap items-center print:hidden ${className}`}>
      <BookmarkButton slug={slug} title={title} />
      {highlights ? <SavedOptionsSlot key={`saved-${slug}`} slug={slug} title={title} endId={END_ID} /> : null}
      <ShareButton url={url} title={title} />
      {highlights ? <HighlightLayer key={slug} slug={slug} title={title} url={url} bodyId={BODY_ID} /> : null}
    </div>
  );
}

export default async function ArticlePage(props: Props) {
  const slug = await slugOf(props, 'page');
  const draft = await preview(slug);
  const article = draft ?? (await siteArticle(slug));
  if (!article) notFound();
  const { timeZone } = getConfig();
  const { newer, older } =
    draft && draft.status !== 'published' ? { newer: null, older: null } : (await siteIndex()).neighbors(article.slug);
  const live = !draft || draft.status === 'published';
  // The source often repeats the head image as the body's first picture; show it once.
  const hero = article.headimg && article.headimg !== article.firstImage?.src ? article.headimg : null;

  return (
    <>
      {draft ? (
        <PreviewBanner
          status={draft.status}
          returnTo={draft.status === 'published' ? articlePath(draft.slug) : '/drafts'}
        />
      ) : null}
      <ReadingProgress bodyId={BODY_ID} />
      <article
        className="mx-auto max-w-6xl px-4 pt-8 lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-12"
        aria-labelledby="article-title"
      >
        <div className="mx-auto w-full max-w-[var(--measure)] min-w-0">
          <header>
            {article.categories.length > 0 ? (
              <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="分类">
                {article.categories.map((c) => (
                  <li key={c}>
                    <IntentLink
                      href={categoryPath(c)}
                      className="rounded bg-surface px-2 py-0.5 text-accent hover:underline"
                    >
                      {c}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            ) : null}
            <h1 id="article-title" className="text-[1.75rem] leading-tight font-bold sm:text-4xl sm:leading-tight">
              {article.title}
            </h1>
            <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
              {article.author ? (
                <IntentLink
                  href={authorPath(article.author)}
                  className="font-medium text-fg hover:text-accent"
                  rel="author"
                >
                  {article.author}
                </IntentLink>
              ) : (
                <span>{AUTHOR_FALLBACK}</span>
              )}
              <time dateTime={article.date}>{formatDate(article.date, timeZone)}</time>
              {article.updated && article.updated > article.date ? (
                <span>
                  更新于 <time dateTime={article.updated}>{formatDate(article.updated, timeZone)}</time>
                </span>
              ) : null}
              <span>约 {article.readingMinutes} 分钟读完</span>
            </p>
            {live ? (
              <ArticleActions slug={article.slug} title={article.title} className="mt-4 gap-2" highlights={!draft} />
            ) : null}
          </header>

          {hero ? <ArticleHero src={hero} /> : null}

          <div className="mt-8">
            <ArticleTocInline toc={article.toc} />
            <div id={BODY_ID} className="prose-article">
              <ArticleBody body={article.body} format={article.format} />
            </div>
            <div id={END_ID} aria-hidden="true" />
            {article.tags.length > 0 ? (
              <ul className="mt-10 flex flex-wrap items-center gap-2 text-sm text-muted" aria-label="标签">
                {article.tags.map((t) => (
                  <li key={t}>
                    <IntentLink
                      href={tagPath(t)}
                      className="inline-flex min-h-6 items-center rounded bg-surface px-2 text-accent hover:underline"
                    >
                      #{t}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            ) : null}
            {live ? <ArticleActions slug={article.slug} title={article.title} className="mt-10 gap-3" /> : null}
            {draft ? null : <RelatedArticles slug={article.slug} />}
            {/* Previews are never recorded in the editor's 继续阅读. */}
            {draft ? null : <ReadingRecorder key={article.slug} slug={article.slug} bodyId={BODY_ID} />}
            <ArticleNeighbors newer={newer} older={older} />
          </div>
        </div>
        <div className="hidden lg:block">
          <ArticleTocAside toc={article.toc} />
        </div>
        {draft ? null : <ArticleJsonLd article={article} />}
        <ImageViewer />
      </article>
      <BackToTop />
      {/* Keyed so that moving to another article starts a fresh one rather than reusing this state. */}
      {draft ? null : <ReadingPosition key={article.slug} slug={article.slug} bodyId={BODY_ID} />}
    </>
  );
}
