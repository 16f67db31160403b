import Link from 'next/link';
import { IntentLink } from '@/components/layout/intent-link';
import { Pagination } from '@/components/listings/pagination';
import { getConfig } from '@/lib/config';
import { archivePath } from '@/lib/content/archive';
import { articlePath, categoriesPath, categoryPath } from '@/lib/content/paths';
import { formatDay } from '@/lib/format/date';
import type { SearchPage } from '@/lib/search/run-query';
import { searchPath } from '@/lib/search/search-path';
import type { TextSegment } from '@/lib/search/snippet';

/** Text with its matches in <mark>; segments are plain strings, so React escapes every character. */
function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-accent/15 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Suggestions() {
  return (
    <p className="mt-3 text-sm text-muted">
      可以换个说法、少输入几个词，或者去
      <Link href={categoriesPath()} className="mx-1 text-accent underline underline-offset-2 hover:decoration-2">
        分类
      </Link>
      和
      <Link href={archivePath()} className="mx-1 text-accent underline underline-offset-2 hover:decoration-2">
        归档
      </Link>
      里逛逛。
    </p>
  );
}

/** The body of /search: the count, the hits with highlighted titles and snippets, and the pager. */
export function SearchResults({ result }: { result: SearchPage }) {
  const { timeZone } = getConfig();
  const { query, total, more, page, totalPages, hits } = result;

  if (!query) {
    return (
      <div className="py-12 text-center">
        <p className="text-lg">输入关键词，搜索全站文章。</p>
        <p className="mt-2 text-sm text-muted">支持中文词语、词语片段（如“互联”）和英文单词；多个词用空格隔开。</p>
      </div>
    );
  }

  return (
    <div>
      <p role="status" className="border-b border-line pb-4 text-sm text-muted">
        {total === 0 ? (
          <>没有找到与「{query}」相关的文章。</>
        ) : (
          <>
            找到 <strong className="font-semibold text-fg">{more ? `${total} 多` : total}</strong> 篇与「{query}
            」相关的文章
            {totalPages > 1 ? `，第 ${page} / ${totalPages} 页` : ''}。
          </>
        )}
      </p>
      {result.partial ? (
        <p className="mt-4 rounded-md bg-surface px-3 py-2 text-sm">
          没有文章同时包含所有词语，下面的结果只包含其中一部分。
        </p>
      ) : null}
      {total === 0 ? (
        <div className="py-10 text-center">
          <p className="text-lg">换个关键词试试？</p>
          <Suggestions />
        </div>
      ) : (
        <ol className="mt-2" aria-label="搜索结果">
          {hits.map((hit) => (
            <li key={hit.article.slug} className="border-b border-line py-5">
              <h2 className="text-lg leading-snug font-bold">
                <IntentLink href={articlePath(hit.article.slug)} className="text-fg hover:text-accent">
                  <Highlighted segments={hit.title} />
                </IntentLink>
              </h2>
              {hit.snippet.length > 0 ? (
                <p className="mt-2 text-[0.95rem] leading-relaxed text-muted">
                  <Highlighted segments={hit.snippet} />
                </p>
              ) : null}
              <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
                <time dateTime={hit.article.date}>{formatDay(hit.article.date, timeZone)}</time>
                {hit.article.author ? <span>{hit.article.author}</span> : null}
                {hit.article.categories.map((c) => (
                  <IntentLink
                    key={c}
                    href={categoryPath(c)}
                    className="rounded bg-surface px-1.5 text-[0.8rem] hover:text-fg"
                  >
                    {c}
                  </IntentLink>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} totalPages={totalPages} href={(p) => searchPath(query, p)} />
    </div>
  );
}
