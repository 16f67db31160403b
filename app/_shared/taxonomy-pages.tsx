// Route implementations shared by /categories, /authors and /tags: the index of names, a name's listing,
// and its further pages. The app/ route files only bind them to a taxonomy.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { FollowButton } from '@/components/account/follow-button';
import { ArticleList } from '@/components/listings/article-list';
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { taxonomyFeedPath } from '@/lib/feeds/site-feeds';
import { formatDateShort } from '@/lib/format/date';
import { pageFrom, parsePageSegment } from '@/lib/content/paginate';
import { routeParam, type ParamSource } from '@/lib/site/route-params';
import { alternates } from '@/lib/site/alternates';
import type { TaxonomyKind } from '@/lib/site/taxonomy';

/** A category's, author's or tag's page also links its own feed from <head>. */
function withCategoryFeed(
  kind: TaxonomyKind,
  name: string,
  base: ReturnType<typeof alternates>,
): ReturnType<typeof alternates> {
  const { siteName } = getConfig();
  return {
    ...base,
    types: {
      ...base.types,
      'application/rss+xml': [
        { url: taxonomyFeedPath(kind.key, name), title: `${siteName} · ${name} RSS` },
        { url: '/feed.xml', title: `${siteName} RSS` },
      ],
    },
  };
}

type NameParams = { params: Promise<{ name: string }> };
type NamePageParams = { params: Promise<{ name: string; page: string }> };

function listing(kind: TaxonomyKind, rawName: string, from: ParamSource, page: number) {
  const name = routeParam(rawName, from);
  const index = getContentIndex();
  const total = kind.count(index, name);
  if (total === 0) notFound();
  const slice = pageFrom(total, page, getConfig().pageSize, (limit, offset) =>
    kind.articles(index, name, limit, offset),
  );
  if (!slice) notFound();
  return { name, slice };
}

function pageNumber(kind: TaxonomyKind, rawName: string, from: ParamSource, segment: string): number {
  if (segment === '1') permanentRedirect(kind.path(routeParam(rawName, from)));
  return parsePageSegment(segment) ?? notFound();
}

export function taxonomyIndexPage(kind: TaxonomyKind) {
  const metadata = (): Metadata => ({ title: `全部${kind.label}`, alternates: alternates(kind.indexPath) });
  function Page() {
    const entries = kind.entries(getContentIndex());
    const { timeZone } = getConfig();
    return (
      <div className="mx-auto max-w-3xl px-4 pt-8">
        <h1 className="border-b border-line pb-5 text-2xl font-bold sm:text-3xl">全部{kind.label}</h1>
        {entries.length === 0 ? (
          <p className="py-16 text-center text-muted">还没有{kind.label}。</p>
        ) : (
          <ul className="mt-6 grid gap-3 sm:grid-cols-2">
            {entries.map((e) => (
              <li key={e.name}>
                <Link
                  href={kind.path(e.name)}
                  className="flex items-baseline justify-between gap-3 rounded-lg border border-line px-4 py-3 hover:border-accent hover:bg-surface"
                >
                  <span className="font-semibold">{e.name}</span>
                  <span className="shrink-0 text-sm text-muted">
                    {e.count} 篇 · 最近 <time dateTime={e.latest}>{formatDateShort(e.latest, timeZone)}</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return { generateMetadata: metadata, Page };
}

export function taxonomyListingPage(kind: TaxonomyKind) {
  return {
    generateStaticParams() {
      return kind.prerenderNames ? kind.entries(getContentIndex()).map((e) => ({ name: e.name })) : [];
    },
    async generateMetadata({ params }: NameParams): Promise<Metadata> {
      const { name, slice } = listing(kind, (await params).name, 'metadata', 1);
      return {
        title: `${kind.label}：${name}`,
        description: `${kind.label}「${name}」下的 ${slice.total} 篇文章`,
        alternates: withCategoryFeed(kind, name, alternates(kind.path(name))),
      };
    },
    async Page({ params }: NameParams) {
      const { name, slice } = listing(kind, (await params).name, 'page', 1);
      return (
        <ArticleList
          heading={`${kind.label}：${name}`}
          intro={
            <div className="flex flex-wrap items-center gap-3 print:hidden">
              <FollowButton kind={kind.key} name={name} label={kind.label} returnTo={kind.path(name)} />
              <a href={taxonomyFeedPath(kind.key, name)} className="text-sm text-muted hover:text-accent">
                RSS 订阅
              </a>
            </div>
          }
          {...slice}
          articles={slice.items}
          href={(p) => kind.path(name, p)}
        />
      );
    },
  };
}

export function taxonomyPagedListingPage(kind: TaxonomyKind) {
  return {
    // Later pages of every category and author render on first request (then stay cached): prerendering
    // them all would make the build grow with the archive times the number of names.
    generateStaticParams() {
      return [];
    },
    async generateMetadata({ params }: NamePageParams): Promise<Metadata> {
      const p = await params;
      const { name, slice } = listing(kind, p.name, 'metadata', pageNumber(kind, p.name, 'metadata', p.page));
      return {
        title: `${kind.label}：${name} · 第 ${slice.page} 页`,
        alternates: alternates(kind.path(name, slice.page)),
      };
    },
    async Page({ params }: NamePageParams) {
      const p = await params;
      const { name, slice } = listing(kind, p.name, 'page', pageNumber(kind, p.name, 'page', p.page));
      return (
        <ArticleList
          heading={`${kind.label}：${name}`}
          {...slice}
          articles={slice.items}
          href={(n) => kind.path(name, n)}
        />
      );
    },
  };
}
