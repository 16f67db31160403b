// The serve stage of `npm run bench`: the newest and the oldest article requested twice each from a
// running server (first render, then cache), and the article page's weight; and the rows it prints.
import { type ArticleChoice } from './corpus';
import { httpGet, type HttpResponse } from './http';
import { measurePageWeight, type PageWeight } from './page-weight';
import { formatNumber, type BenchRow } from './report';
import type { RunningServer } from './servers';

const KiB = 1024;

export type ServeResult = {
  articles: ArticleChoice;
  requests: Record<
    'newestFirst' | 'newestAgain' | 'oldestFirst' | 'oldestAgain',
    { ms: number; bytes: number; cache: string | null }
  >;
  weight: PageWeight;
};

export async function getOk(url: string): Promise<HttpResponse> {
  const res = await httpGet(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return res;
}

function cacheHeader(res: HttpResponse): string | null {
  const value = res.headers['x-nextjs-cache'];
  return typeof value === 'string' ? value : null;
}

export async function measurePages(server: RunningServer, articles: ArticleChoice): Promise<ServeResult> {
  const url = (p: string) => server.baseUrl + p;
  const sample = (res: HttpResponse) => ({ ms: res.ms, bytes: res.body.length, cache: cacheHeader(res) });
  // Order matters: the oldest article must not have been requested before its first timing.
  const newestFirst = await getOk(url(articles.newest.path));
  const newestAgain = await getOk(url(articles.newest.path));
  const oldestFirst = await getOk(url(articles.oldest.path));
  const oldestAgain = await getOk(url(articles.oldest.path));
  const weight = await measurePageWeight(url(articles.newest.path), newestAgain.body);
  return {
    articles,
    requests: {
      newestFirst: sample(newestFirst),
      newestAgain: sample(newestAgain),
      oldestFirst: sample(oldestFirst),
      oldestAgain: sample(oldestAgain),
    },
    weight,
  };
}

export function serveRows(group: string, s: ServeResult): BenchRow[] {
  const cache = (c: string | null) => (c ? `x-nextjs-cache: ${c}` : undefined);
  const { newest, oldest } = s.articles;
  const prerenderNote = (a: { prerendered: boolean | null }) =>
    a.prerendered === null ? 'no prerender manifest' : a.prerendered ? 'prerendered' : 'not prerendered';
  return [
    {
      group,
      metric: 'prerendered article pages',
      value: s.articles.prerenderedArticles,
      unit: '',
      note: `of ${s.articles.published.toLocaleString('en-US')} published`,
    },
    {
      group,
      metric: 'newest article, first request',
      value: s.requests.newestFirst.ms,
      unit: 'ms',
      note: [prerenderNote(newest), cache(s.requests.newestFirst.cache)].filter(Boolean).join(', '),
    },
    {
      group,
      metric: 'old article, first request',
      value: s.requests.oldestFirst.ms,
      unit: 'ms',
      note: [prerenderNote(oldest), cache(s.requests.oldestFirst.cache)].filter(Boolean).join(', '),
    },
    {
      group,
      metric: 'old article, second request',
      value: s.requests.oldestAgain.ms,
      unit: 'ms',
      note: cache(s.requests.oldestAgain.cache),
    },
    { group, metric: 'article HTML', value: s.weight.htmlBytes / KiB, unit: 'KiB', note: `raw; ${newest.path}` },
    { group, metric: 'article HTML, gzip', value: s.weight.htmlGzipBytes / KiB, unit: 'KiB' },
    {
      group,
      metric: 'first-load JS, gzip',
      value: s.weight.jsGzipBytes / KiB,
      unit: 'KiB',
      note:
        `${s.weight.scripts.length} chunks, ${formatNumber(s.weight.jsBytes / KiB)} KiB raw` +
        (s.weight.skippedNomodule.length > 0 ? `; ${s.weight.skippedNomodule.length} nomodule left out` : ''),
    },
  ];
}
