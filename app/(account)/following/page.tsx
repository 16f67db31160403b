// 我的关注: the newest articles from every category, author and tag the reader follows, each once, newest first,
// those published since the reader last looked marked 新; then what they follow, each with 取消关注 and its RSS
// feed. Looking marks them seen (FollowingSeen, once the page is on screen).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FollowButton } from '@/components/account/follow-button';
import { FollowingSeen } from '@/components/account/following-seen';
import { ArticleCard } from '@/components/listings/article-card';
import { getCurrentUser } from '@/lib/accounts/auth';
import { followedArticles, followsOf, followsSeenAt, isNewFollowed, type FollowKind } from '@/lib/accounts/follows';
import { getContentIndex } from '@/lib/content/index';
import { authorPath, categoryPath, tagPath } from '@/lib/content/paths';
import { getDb } from '@/lib/db/client';
import { taxonomyFeedPath } from '@/lib/feeds/site-feeds';

export const metadata: Metadata = { title: '我的关注', robots: { index: false } };

const SHOWN = 50;
const LABEL: Record<FollowKind, string> = { category: '分类', author: '作者', tag: '标签' };
const PATH: Record<FollowKind, (name: string) => string> = { category: categoryPath, author: authorPath, tag: tagPath };

export default async function FollowingPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Ffollowing');
  const db = await getDb();
  const [followed, seenAt] = await Promise.all([followsOf(db, user.id), followsSeenAt(db, user.id)]);
  const index = getContentIndex();
  const articles = followedArticles((kind, name, limit) => index.listing(kind, name, limit), followed, SHOWN);
  const renderedAt = new Date().toISOString();
  const fresh = articles.filter((a) => isNewFollowed(a.meta, a.via, seenAt)).length;

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-fg">我的关注</h1>
        <p className="text-sm text-muted">
          {followed.length === 0
            ? '还没有关注'
            : `关注了 ${followed.length} 个，${fresh > 0 ? `${fresh} 篇新文章` : '没有新文章'}`}
        </p>
      </div>
      {followed.length === 0 ? (
        <div className="mt-6 rounded-md border border-dashed border-line px-6 py-12 text-center text-muted">
          <p>在分类、作者或标签的页面上点“关注”，它们的新文章就会出现在这里。</p>
          <Link href="/categories" className="mt-4 inline-block text-accent hover:underline">
            看看全部分类
          </Link>
        </div>
      ) : (
        <>
          <section aria-labelledby="followed-articles" className="mt-6">
            <h2 id="followed-articles" className="sr-only">
              关注的新文章
            </h2>
            {articles.length === 0 ? (
              <p className="py-10 text-center text-muted">关注的分类、作者和标签下暂时没有文章。</p>
            ) : (
              <ol data-testid="following-articles">
                {articles.map(({ meta, via }) => (
                  <li key={meta.slug} className="relative">
                    {isNewFollowed(meta, via, seenAt) ? (
                      <span className="absolute top-6 -left-1 -translate-x-full rounded bg-accent px-1 text-xs text-accent-fg max-sm:static max-sm:mt-4 max-sm:inline-block max-sm:translate-x-0">
                        新
                      </span>
                    ) : null}
                    <ArticleCard article={meta} />
                    <p className="sr-only">来自：{via.map((f) => `${LABEL[f.kind]}“${f.name}”`).join('、')}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="followed-list" className="mt-10 rounded-lg border border-line p-4">
            <h2 id="followed-list" className="text-lg font-bold">
              关注的分类、作者和标签
            </h2>
            <ul className="mt-3 flex flex-col gap-3">
              {followed.map((f) => (
                <li key={`${f.kind}:${f.name}`} className="flex flex-wrap items-center gap-3">
                  <span className="min-w-0 flex-1">
                    <span className="text-sm text-muted">{LABEL[f.kind]}</span>{' '}
                    <Link href={PATH[f.kind](f.name)} className="font-medium hover:text-accent">
                      {f.kind === 'tag' ? `#${f.name}` : f.name}
                    </Link>
                  </span>
                  <a href={taxonomyFeedPath(f.kind, f.name)} className="text-sm text-muted hover:text-accent">
                    RSS
                  </a>
                  <FollowButton kind={f.kind} name={f.name} label={LABEL[f.kind]} returnTo="/following" />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <FollowingSeen at={renderedAt} />
    </div>
  );
}
