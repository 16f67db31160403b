import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { RESULTS_END, RESULTS_START, spliceResults } from '@/lib/search/results-region.mjs';
import {
  acceptsGzip,
  createSearchInclude,
  isSearchDocument,
  SHELL_TTL_MS,
  type LocalAnswer,
  type ResultsAnswer,
} from './search-include.mjs';

// The shell as the App Router renders /search without a query (the parts that matter here).
const SHELL =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><title>搜索 · 胡同</title></head><body>' +
  '<header><input type="search" name="q" value=""/></header>' +
  '<main><form action="/search"><input type="search" placeholder="输入关键词" data-page-query="" name="q" value=""/></form>' +
  `<div id="search-results" data-address="/search" data-title="搜索 · 胡同">${RESULTS_START}<div class="py-12"><p>输入关键词，搜索全站文章。</p></div>${RESULTS_END}</div>` +
  '</main><script>self.__next_f.push([1,"…"])</script></body></html>';

const RESULTS =
  '<div><p role="status">找到 <strong>2</strong> 篇</p><ol><li><a href="/articles/a">甲</a></li></ol></div>';

type Answers = Record<string, () => LocalAnswer>;

const html = (body: string, headers: Record<string, string> = {}): LocalAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: Buffer.from(body),
});

function fragment(query: string, title = `搜索：${query} · 胡同`) {
  return html(RESULTS, {
    'x-search-title': encodeURIComponent(title),
    'x-search-address': `/search?q=${encodeURIComponent(query)}`,
  });
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server answering with the include, or 'rendered by Next' when it passes. */
async function serve(answers: Answers, now = () => 0, answerLocal?: (search: string) => Promise<ResultsAnswer | null>) {
  const asked: string[] = [];
  const include = createSearchInclude({
    now,
    answerLocal,
    fetchLocal: async (path) => {
      asked.push(path);
      const key = Object.keys(answers).find((k) => path === k || (k.endsWith('*') && path.startsWith(k.slice(0, -1))));
      if (!key) return { status: 404, headers: {}, body: Buffer.from('') };
      return answers[key]!();
    },
  });
  const server = http.createServer((req, res) => {
    void include.handle(req, res).then((answered) => {
      if (!answered) res.end('rendered by Next');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, asked, include };
}

describe('which requests are result pages put together', () => {
  const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    ({ url, method, headers }) as unknown as http.IncomingMessage;

  it('takes a browser asking for a query, and leaves the router’s requests and everything else to Next', () => {
    expect(isSearchDocument(req('/search?q=%E8%83%A1%E5%90%8C'))).toBe(true);
    expect(isSearchDocument(req('/search?q=a&page=2', {}, 'HEAD'))).toBe(true);
    expect(isSearchDocument(req('/search?q=a', { rsc: '1' }))).toBe(false);
    expect(isSearchDocument(req('/search?q=a', { 'next-router-prefetch': '1' }))).toBe(false);
    expect(isSearchDocument(req('/search?q=a&_rsc=x1y2'))).toBe(false);
    expect(isSearchDocument(req('/search?q=%20%20'))).toBe(false);
    expect(isSearchDocument(req('/search'))).toBe(false);
    expect(isSearchDocument(req('/search/results?q=a'))).toBe(false);
    expect(isSearchDocument(req('/searchx?q=a'))).toBe(false);
    expect(isSearchDocument(req('/search?q=a', {}, 'POST'))).toBe(false);
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0, identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});

describe('spliceResults', () => {
  it('puts the results, their address and title into the region, and the title into the head', () => {
    const page = spliceResults(SHELL, {
      html: RESULTS,
      address: '/search?q=%E7%94%B2',
      title: '搜索：甲 · 胡同',
      query: '甲',
    });
    expect(page).toContain('<title>搜索：甲 · 胡同</title>');
    expect(page).toContain(
      `<div id="search-results" data-address="/search?q=%E7%94%B2" data-title="搜索：甲 · 胡同">${RESULTS_START}${RESULTS}${RESULTS_END}</div>`,
    );
    expect(page).not.toContain('<p>输入关键词');
    // The page's own box shows the query; the header's stays empty.
    expect(page).toContain('<input type="search" placeholder="输入关键词" data-page-query="" name="q" value="甲"/>');
    expect(page).toContain('<header><input type="search" name="q" value=""/></header>');
    // Everything else is the shell's, byte for byte.
    expect(page!.endsWith('</main><script>self.__next_f.push([1,"…"])</script></body></html>')).toBe(true);
  });

  it('escapes a title and an address that try to break out', () => {
    const page = spliceResults(SHELL, {
      html: RESULTS,
      address: '/search?q="><script>x</script>',
      title: '搜索：</title><script>alert(1)</script>"',
      query: '"><script>alert(2)</script>',
    })!;
    expect(page).not.toContain('<script>alert(2)');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('"><script>x');
    expect(page).toContain('<title>搜索：&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"</title>');
  });

  it('refuses a shell without its region, markers or title', () => {
    const results = { html: RESULTS, address: '/search?q=a', title: 't' };
    expect(spliceResults(SHELL.replace('id="search-results"', 'id="other"'), results)).toBeNull();
    expect(spliceResults(SHELL.replace(RESULTS_END, ''), results)).toBeNull();
    expect(spliceResults(SHELL.replace('<title>搜索 · 胡同</title>', ''), results)).toBeNull();
  });
});

describe('createSearchInclude', () => {
  it('answers a result page from the shell and the results route, with the shell’s headers', async () => {
    const { origin, asked } = await serve({
      '/search': () => html(SHELL, { 'cache-control': 'public, s-maxage=60', vary: 'rsc, next-router-state-tree' }),
      '/search/results*': () => fragment('甲'),
    });
    const response = await fetch(`${origin}/search?q=%E7%94%B2`, { headers: { 'accept-encoding': 'identity' } });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain(RESULTS);
    expect(body).toContain('<title>搜索：甲 · 胡同</title>');
    expect(response.headers.get('cache-control')).toBe('public, s-maxage=60');
    expect(response.headers.get('vary')).toBe('rsc, next-router-state-tree, Accept-Encoding');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(asked).toEqual(['/search', '/search/results?q=%E7%94%B2']);
  });

  it('compresses for a client that takes gzip, and sends no body to HEAD', async () => {
    const { origin } = await serve({ '/search': () => html(SHELL), '/search/results*': () => fragment('甲') });
    const zipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}/search?q=a`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(zipped.encoding).toBe('gzip');
    expect(zlib.gunzipSync(zipped.body).toString('utf8')).toContain(RESULTS);
    const head = await fetch(`${origin}/search?q=a`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(SHELL.length);
  });

  it('asks for the shell once a minute, and again after clear()', async () => {
    let clock = 0;
    const { origin, asked, include } = await serve(
      { '/search': () => html(SHELL), '/search/results*': () => fragment('甲') },
      () => clock,
    );
    const shells = () => asked.filter((p) => p === '/search').length;
    await Promise.all([1, 2, 3].map((i) => fetch(`${origin}/search?q=${i}`).then((r) => r.text())));
    expect(shells()).toBe(1);
    clock = SHELL_TTL_MS - 1;
    await (await fetch(`${origin}/search?q=4`)).text();
    expect(shells()).toBe(1);
    clock = SHELL_TTL_MS + 1;
    await (await fetch(`${origin}/search?q=5`)).text();
    expect(shells()).toBe(2);
    include.clear();
    await (await fetch(`${origin}/search?q=6`)).text();
    expect(shells()).toBe(3);
  });

  it('leaves the page to Next when anything is not as expected', async () => {
    const cases: Answers[] = [
      { '/search': () => html(SHELL), '/search/results*': () => ({ ...fragment('甲'), status: 500 }) },
      { '/search': () => ({ ...html(SHELL), status: 503 }), '/search/results*': () => fragment('甲') },
      {
        '/search': () => html('<html><head><title>x</title></head><body>no region</body></html>'),
        '/search/results*': () => fragment('甲'),
      },
      { '/search': () => html(SHELL), '/search/results*': () => html(RESULTS) }, // no title or address
      {
        '/search': () => html(SHELL),
        '/search/results*': () => {
          throw new Error('connection refused');
        },
      },
    ];
    for (const answers of cases) {
      const { origin, include } = await serve(answers);
      expect(await (await fetch(`${origin}/search?q=a`)).text()).toBe('rendered by Next');
      expect(include.stats()).toEqual({ included: 0, passed: 1, fromThread: 0 });
    }
  });

  it('takes the results from the search thread, and from the route when the thread cannot answer', async () => {
    const threadResults = '<div><p role="status">找到 <strong>1</strong> 篇（线程）</p></div>';
    const searched: string[] = [];
    const { origin, asked, include } = await serve(
      { '/search': () => html(SHELL), '/search/results*': () => fragment('乙') },
      () => 0,
      async (search) => {
        searched.push(search);
        const q = new URLSearchParams(search).get('q');
        if (q === '甲') return { html: threadResults, title: '搜索：甲 · 胡同', address: '/search?q=%E7%94%B2&page=2' };
        if (q === 'fails') throw new Error('search thread exited with code 1');
        return null;
      },
    );
    const page = await (await fetch(`${origin}/search?q=%E7%94%B2&page=2`)).text();
    expect(page).toContain(threadResults);
    expect(page).toContain('<title>搜索：甲 · 胡同</title>');
    expect(page).toContain('data-address="/search?q=%E7%94%B2&amp;page=2"');
    expect(page).toContain('data-page-query="" name="q" value="甲"');
    expect(searched).toEqual(['q=%E7%94%B2&page=2']);
    expect(asked).toEqual(['/search']);
    // The thread says it cannot (null), or fails: the route answers, and the page is still put together.
    for (const q of ['乙', 'fails']) {
      const body = await (await fetch(`${origin}/search?q=${encodeURIComponent(q)}`)).text();
      expect(body).toContain(RESULTS);
      expect(asked.at(-1)).toBe(`/search/results?q=${encodeURIComponent(q)}`);
    }
    expect(include.stats()).toEqual({ included: 3, passed: 0, fromThread: 1 });
  });
});
