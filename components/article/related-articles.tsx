import { IntentLink } from '@/components/layout/intent-link';
import { getConfig } from '@/lib/config';
import { articlePath } from '@/lib/content/paths';
import { formatDay } from '@/lib/format/date';
import { siteIndex } from '@/lib/content/site';
import { relatedArticles } from '@/lib/content/related';

/** 相关阅读 at the end of an article: 3–5 articles sharing its tags, categories or words. */
export async function RelatedArticles({ slug }: { slug: string }) {
  const related = relatedArticles(await siteIndex(), slug);
  if (related.length === 0) return null;
  const { timeZone } = getConfig();
  return (
    <section aria-labelledby="related-heading" className="mt-12 border-t border-line pt-8 print:hidden">
      <h2 id="related-heading" className="text-lg font-bold">
        相关阅读
      </h2>
      <ul className="mt-4 divide-y divide-line">
        {related.map((a) => (
          <li key={a.slug} className="py-3">
            <IntentLink href={articlePath(a.slug)} className="font-semibold text-fg hover:text-accent">
              {a.title}
            </IntentLink>
            <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted">
              <time dateTime={a.date}>{formatDay(a.date, timeZone)}</time>
              {a.categories[0] ? <span>{a.categories[0]}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
