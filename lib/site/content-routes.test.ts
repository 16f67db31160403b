import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentIndex } from '@/lib/content/index';
import { contentRouteStatus, SITE_ROUTE_HEADS } from './content-routes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-routes-'));
function article(file: string, title: string, extra: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(
    path.join(dir, file),
    `---\ntitle: '${title}'\ndate: Wed, 01 Dec 2021 10:52:00 GMT\n${extra}\n---\n<div><p>${title}的正文，写得很短，只够测试用。</p></div>\n`,
  );
}
// a2 keeps its old Hexo address; a3–a5 try to take over real pages with theirs.
const HIJACKS: Record<number, string> = {
  2: '\npermalink: /2019/04/04/old-one/\nslug: a2',
  3: '\npermalink: /account/\nslug: a3',
  4: '\npermalink: /articles/a1/\nslug: a4',
  5: '\npermalink: /articles/gone-away/\nslug: a5',
};
for (let i = 1; i <= 5; i++) {
  article(`a${i}.html`, `文章${i}`, `categories:\n - 城市\nauthor: 林晓岚${HIJACKS[i] ?? ''}`);
}
article('胡同里的早晨.html', '胡同里的早晨', 'categories: 生活');
article('secret.html', '草稿一篇', 'draft: true\ncategories: 秘密分类\nauthor: 藏起来的作者\nabbrlink: secret-link');
const index = buildContentIndex({ dir, timeZone: 'Asia/Shanghai' });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const status = (p: string) => contentRouteStatus(p, index, 2);

describe('contentRouteStatus', () => {
  it('knows published articles and their cards, by raw or percent-encoded slug; drafts and made-up ones are missing', () => {
    expect(status('/articles/a1')).toBe('exists');
    expect(status(`/articles/${encodeURIComponent('胡同里的早晨')}`)).toBe('exists');
    expect(status(`/articles/${encodeURIComponent('胡同里的早晨')}/opengraph-image`)).toBe('exists');
    expect(status('/articles/secret')).toBe('missing');
    expect(status('/articles/nope/opengraph-image')).toBe('missing');
    expect(status(`/articles/${'x'.repeat(300)}`)).toBe('missing');
    expect(status('/articles/a1/elsewhere')).toBe('not-content');
  });

  it('knows taxonomy names, by raw or percent-encoded CJK name', () => {
    expect(status('/categories/生活')).toBe('exists');
    expect(status(`/categories/${encodeURIComponent('生活')}`)).toBe('exists');
    expect(status(`/categories/${encodeURIComponent('火星')}`)).toBe('missing');
  });

  it('treats taxonomies only drafts use as missing', () => {
    expect(status(`/categories/${encodeURIComponent('秘密分类')}`)).toBe('missing');
    expect(status(`/authors/${encodeURIComponent('藏起来的作者')}`)).toBe('missing');
  });

  it('checks listing page numbers against the real page count', () => {
    // 6 published articles, 2 a page → pages 1..3
    expect(status('/page/2')).toBe('exists');
    expect(status('/page/3')).toBe('exists');
    expect(status('/page/4')).toBe('missing');
    expect(status('/page/02')).toBe('missing');
    expect(status('/page/1')).toBe('exists');
    expect(status(`/categories/${encodeURIComponent('城市')}/page/3`)).toBe('exists');
    expect(status(`/categories/${encodeURIComponent('城市')}/page/4`)).toBe('missing');
    expect(status(`/authors/${encodeURIComponent('林晓岚')}`)).toBe('exists');
  });

  it('knows which category feeds exist, since they render on first request', () => {
    expect(status(`/categories/${encodeURIComponent('城市')}/feed.xml`)).toBe('exists');
    expect(status(`/categories/${encodeURIComponent('火星')}/feed.xml`)).toBe('missing');
    expect(status(`/categories/${encodeURIComponent('秘密分类')}/feed.xml`)).toBe('missing');
    expect(status(`/categories/${encodeURIComponent('城市')}/feed.xml/x`)).toBe('not-content');
    // Authors and tags have feeds too (issue 14): an unknown name is a 404 before any route renders.
    expect(status(`/authors/${encodeURIComponent('林晓岚')}/feed.xml`)).toBe('exists');
    expect(status(`/authors/${encodeURIComponent('藏起来的作者')}/feed.xml`)).toBe('missing');
    expect(status(`/tags/${encodeURIComponent('没有这个标签')}/feed.xml`)).toBe('missing');
  });

  it('sends an address written with the raw file name, or an old Hexo address, on to the article', () => {
    expect(status(`/articles/${encodeURIComponent('胡同里的早晨.html')}`)).toEqual({
      redirect: `/articles/${encodeURIComponent('胡同里的早晨')}`,
    });
    expect(status('/articles/A1')).toEqual({ redirect: '/articles/a1' });
    expect(status('/articles/A1/opengraph-image')).toEqual({ redirect: '/articles/a1/opengraph-image' });
    expect(status('/2019/04/04/old-one/')).toEqual({ redirect: '/articles/a2' });
    expect(status('/2019/04/04/old-one')).toEqual({ redirect: '/articles/a2' });
    expect(status('/posts/secret-link/')).toBe('not-content');
    // An old address under the site's own routes counts only where nothing lives.
    expect(status('/articles/gone-away')).toEqual({ redirect: '/articles/a5' });
    expect(status('/account')).toBe('not-content');
    expect(status('/articles/a1')).toBe('exists');
  });

  it('knows which archive years have published articles (a scheduled one adds its year when it goes live)', () => {
    expect(status('/archive/2021')).toBe('exists');
    expect(status('/archive/2022')).toBe('missing');
    expect(status('/archive/0999')).toBe('missing');
    expect(status('/archive/2021x')).toBe('missing');
    expect(status('/archive')).toBe('not-content');
  });

  it('knows which archive months have published articles, written with two digits', () => {
    expect(status('/archive/2021/12')).toBe('exists');
    expect(status('/archive/2021/11')).toBe('missing');
    expect(status('/archive/2022/12')).toBe('missing');
    expect(status('/archive/2021/5')).toBe('missing');
    expect(status('/archive/2021/13')).toBe('missing');
    expect(status('/archive/2021/12/01')).toBe('not-content');
  });

  it('leaves other routes alone', () => {
    expect(status('/')).toBe('not-content');
    expect(status('/categories')).toBe('not-content');
    expect(status('/bookmarks')).toBe('not-content');
    expect(status('/articles')).toBe('not-content');
  });
});

describe('the proxy matcher for old addresses', () => {
  // proxy.ts must name its matcher literally (Next reads it at build time), so it is read as text here.
  const source = fs.readFileSync(path.join(process.cwd(), 'proxy.ts'), 'utf8');
  const literal = /'(\/\(\(\?!.+\)\.\+\))'/.exec(source)?.[1];
  const matcher = new RegExp(`^${literal!.replaceAll('\\\\', '\\')}$`);

  it('reaches old addresses and stays out of every route of the site', () => {
    expect(literal).toBeDefined();
    expect(matcher.test('/2019/04/04/old-one/')).toBe(true);
    expect(matcher.test('/posts/3f2a1b.html')).toBe(true);
    for (const head of SITE_ROUTE_HEADS) {
      expect(matcher.test(`/${head}`), head).toBe(false);
      expect(matcher.test(`/${head}/x`), head).toBe(false);
    }
  });

  it('knows every top-level route the app has', () => {
    const app = path.join(process.cwd(), 'app');
    const NOT_ROUTES = /^(_shared|layout\.tsx|page\.tsx|error\.tsx|global-error\.tsx|not-found\.tsx|globals\.css)$/;
    const heads = fs
      .readdirSync(app)
      .flatMap((name) => (/^\(.+\)$/.test(name) ? fs.readdirSync(path.join(app, name)) : [name]));
    for (const name of heads.filter((n) => !NOT_ROUTES.test(n))) {
      const head = name === 'robots.ts' ? 'robots.txt' : name;
      expect(SITE_ROUTE_HEADS.has(head), head).toBe(true);
    }
  });
});
