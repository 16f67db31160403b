import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentIndex } from '@/lib/content/index';
import { contentRouteStatus } from './content-routes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-routes-'));
function article(file: string, title: string, extra: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(
    path.join(dir, file),
    `---\ntitle: '${title}'\ndate: Wed, 01 Dec 2021 10:52:00 GMT\n${extra}\n---\n<div><p>${title}的正文，写得很短，只够测试用。</p></div>\n`,
  );
}
for (let i = 1; i <= 5; i++) article(`a${i}.html`, `文章${i}`, `categories:\n - 城市\nauthor: 林晓岚`);
article('胡同里的早晨.html', '胡同里的早晨', 'categories: 生活');
article('secret.html', '草稿一篇', 'draft: true\ncategories: 秘密分类\nauthor: 藏起来的作者');
const index = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', cacheFile: null });
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
  });

  it('leaves other routes alone', () => {
    expect(status('/')).toBe('not-content');
    expect(status('/categories')).toBe('not-content');
    expect(status('/authors/林晓岚/feed.xml')).toBe('not-content');
    expect(status('/bookmarks')).toBe('not-content');
    expect(status('/articles')).toBe('not-content');
  });
});
