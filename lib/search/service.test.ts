import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { articleText } from './article-text';
import type { SearchIndex } from './build-index';
import { planQuery } from './plan-query';
import { runQuery } from './run-query';
import { indexFilePath, writeIndexFile } from './index-file';
import { getSearchIndex, loadSearchIndex, resetSearchIndex, searchArticles } from './service';
import { updateIndex } from './update-index';

const state = vi.hoisted(() => ({ content: null as ContentIndex | null }));
vi.mock('@/lib/content/index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/index')>();
  return { ...actual, getContentIndex: () => state.content ?? actual.getContentIndex() };
});

function file(title: string, date: string, body: string, extra: string[] = []): string {
  return ['---', `title: '${title}'`, 'categories: ', ' - 城市', `date: ${date}`, ...extra, '---', '', body, ''].join(
    '\n',
  );
}

let dir: string;
let content: ContentIndex;
let index: SearchIndex;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-search-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  write(
    'hutong.html',
    file(
      '胡同里的早晨',
      'Wed, 01 Dec 2021 10:52:00 GMT',
      '<div><h3 label="大标题" class="text-big-title">豆浆推车</h3><p>卖豆浆的推车准时出现。</p>' +
        '<script>var 秘密代码 = 1;</script><p>第二段讲<b>煎饼</b>果子。</p></div>',
    ),
  );
  write('tea.html', file('春茶', 'Fri, 05 Apr 2024 02:00:00 GMT', '<p>一杯春茶，等了一整个冬天。豆浆也不错。</p>'));
  write(
    'secret.html',
    file('草稿：豆浆的秘密', 'Sat, 06 Apr 2024 02:00:00 GMT', '<p>豆浆配方草稿。</p>', ['draft: true']),
  );
  write(
    '_drafts/winter.html',
    file('冬至包饺子', 'Sat, 21 Dec 2024 10:00:00 GMT', '<p>豆浆和饺子，草稿里的句子。</p>'),
  );
  content = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', cacheFile: null });
  index = await loadSearchIndex(content, { sliceMs: 1 });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const find = (query: string) => runQuery(index, planQuery(query)).hits.map((h) => h.article.title);

describe('the index built from a content folder', () => {
  it('holds published articles only, newest first, never drafts', () => {
    expect(content.drafts).toHaveLength(2);
    expect(index.docs.map((d) => d.meta.title)).toEqual(['春茶', '胡同里的早晨']);
    expect(find('豆浆')).toEqual(['胡同里的早晨', '春茶']);
    expect(find('草稿')).toEqual([]);
    expect(find('饺子')).toEqual([]);
  });

  it('indexes what readers see: section headings and inline text, not scripts or permalink marks', () => {
    expect(find('豆浆推车')).toEqual(['胡同里的早晨']);
    expect(find('煎饼果子')).toEqual(['胡同里的早晨']);
    expect(find('秘密代码')).toEqual([]);
  });
});

describe('article text', () => {
  it('puts blocks on their own lines so neighbouring paragraphs never form a phrase', () => {
    const text = articleText(
      '<p>天际线</p><p>一位老人</p><figure><img src="https://img.example.com/a.jpg"><figcaption>图注</figcaption></figure>',
    );
    expect(text.split('\n')).toEqual(['天际线', '一位老人', '图注']);
  });
});

describe('the process-wide index', () => {
  const distDir = process.env.NEXT_DIST_DIR;
  let build: string;
  beforeEach(() => {
    // A build folder of the test's own, so a real build's index file in .next is never picked up.
    build = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-search-build-'));
    process.env.NEXT_DIST_DIR = path.relative(process.cwd(), build);
    resetSearchIndex();
  });
  afterEach(() => {
    if (distDir === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = distDir;
    fs.rmSync(build, { recursive: true, force: true });
    state.content = null;
    resetSearchIndex();
    vi.restoreAllMocks();
  });

  it('picks up a scheduled article once it goes live, indexing only it, answering from the old index meanwhile', async () => {
    let now = Date.parse('2024-06-01T00:00:00Z');
    const later = path.join(dir, 'later.html');
    fs.writeFileSync(
      later,
      file('立秋的胡同', 'Thu, 07 Aug 2025 08:00:00 GMT', '<p>立秋那天，豆浆摊换成了糖炒栗子。</p>'),
    );
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      state.content = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', cacheFile: null, now: () => now });
      const before = await getSearchIndex();
      expect(before.docs.map((d) => d.meta.title)).toEqual(['春茶', '胡同里的早晨']);
      expect((await searchArticles('栗子', { pageSize: 10 })).total).toBe(0);

      now = Date.parse('2025-08-08T00:00:00Z');
      // The first search after the change is answered at once, from the index it already has.
      expect(await getSearchIndex()).toBe(before);
      await vi.waitFor(async () => expect((await getSearchIndex()).docs[0]?.meta.title).toBe('立秋的胡同'));
      expect((await searchArticles('栗子', { pageSize: 10 })).hits.map((h) => h.article.title)).toEqual(['立秋的胡同']);
      expect((await searchArticles('豆浆', { pageSize: 10 })).total).toBe(3);
      expect(info).toHaveBeenCalledWith(
        expect.stringMatching(/^search: indexed 1 new or changed articles on top of 2 /),
      );
    } finally {
      fs.rmSync(later);
    }
  });

  it('without an index file in the build, says so once and builds the index in memory', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    state.content = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', cacheFile: null });
    expect((await searchArticles('豆浆', { pageSize: 10 })).hits.map((h) => h.article.title)).toEqual([
      '胡同里的早晨',
      '春茶',
    ]);
    await searchArticles('煎饼', { pageSize: 10 });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(
        /^search: the index file .*hutong\/search-index\.bin is missing \(build with `npm run build` to write it\); building the search index in memory instead$/,
      ),
    ]);
  });

  it("starts from the build's index file when there is one, tokenizing nothing", async () => {
    state.content = buildContentIndex({ dir, timeZone: 'Asia/Shanghai', cacheFile: null });
    const built = await updateIndex(null, state.content, { withSources: true });
    writeIndexFile(indexFilePath(), built.index);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await searchArticles('豆浆', { pageSize: 10 })).hits.map((h) => h.article.title)).toEqual([
      '胡同里的早晨',
      '春茶',
    ]);
    expect(warn).not.toHaveBeenCalled();
    expect(info.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^search: loaded .*search-index\.bin \(2 articles\) in \d+ ms$/),
    ]);
  });
});
