import type { Metadata } from 'next';
import Link from 'next/link';
import { siteIndex } from '@/lib/content/site';
import { articlePath } from '@/lib/content/paths';

export const metadata: Metadata = { title: '页面不存在', robots: { index: false } };

export default async function NotFound() {
  const latest = (await siteIndex()).latest(5);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold tracking-widest text-accent">404</p>
      <h1 className="mt-2 text-3xl font-bold">这条胡同走不通</h1>
      <p className="mt-4 text-muted">你要找的页面不存在，可能已被移走，或者链接有误。</p>
      <p className="mt-6 flex flex-wrap gap-3">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 text-accent-fg hover:opacity-90">
          回到首页
        </Link>
        <Link href="/categories" className="rounded-md border border-line px-4 py-2 hover:bg-surface">
          按分类浏览
        </Link>
      </p>
      {latest.length > 0 ? (
        <section className="mt-12" aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="text-lg font-semibold">
            看看最新的文章
          </h2>
          <ul className="mt-3 space-y-2">
            {latest.map((a) => (
              <li key={a.slug}>
                <Link
                  href={articlePath(a.slug)}
                  className="text-accent underline underline-offset-2 hover:decoration-2"
                >
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
