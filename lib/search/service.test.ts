import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import { articleText } from './article-text';
import { planQuery } from './plan-query';
import { runQuery, searchIndex, type SearchIndex } from './run-query';
import { getSearchIndex, searchArticles } from './service';

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

beforeAll(() => {
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
  content = buildContentIndex({ dir, timeZone: 'Asia/Shanghai' });
  index = { db: content.db, now: content.now };
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const find = (query: string) => runQuery(index, planQuery(query)).hits.map((h) => h.article.title);

describe('the index built from a content folder', () => {
  it('holds published articles only, newest first, never drafts', () => {
    expect(content.drafts).toHaveLength(2);
    expect(content.db.prepare('SELECT folded_title FROM search_docs ORDER BY id').pluck().all().sort()).toEqual(
      ['春茶', '胡同里的早晨'].sort(),
    );
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

describe('search over the site index', () => {
  it('finds a scheduled article from its time on, not before, without building anything', async () => {
    const later = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-search-later-'));
    try {
      fs.writeFileSync(path.join(later, 'now.html'), file('立冬', '2030-01-01 07:00', '<p>喝一碗豆浆。</p>'));
      fs.writeFileSync(
        path.join(later, 'later.html'),
        file('立秋的胡同', '2030-01-01 08:00', '<p>糖炒栗子和豆浆。</p>'),
      );
      const due = Date.UTC(2030, 0, 1, 0, 0, 0);
      let now = due - 1000;
      state.content = buildContentIndex({ dir: later, timeZone: 'Asia/Shanghai', now: () => now });
      expect((await searchArticles('栗子', { pageSize: 10 })).total).toBe(0);
      expect((await searchArticles('豆浆', { pageSize: 10 })).hits.map((h) => h.article.title)).toEqual(['立冬']);
      now = due;
      expect((await searchArticles('栗子', { pageSize: 10 })).hits.map((h) => h.article.title)).toEqual(['立秋的胡同']);
      expect((await searchArticles('豆浆', { pageSize: 10 })).total).toBe(2);
    } finally {
      state.content = null;
      fs.rmSync(later, { recursive: true, force: true });
    }
  });

  it('gives the same page as asking the index in this thread, for a query, a page past the end and an empty query', async () => {
    state.content = content;
    try {
      for (const [query, page] of [
        ['豆浆', 1],
        ['豆浆', 9],
        ['  ', 1],
      ] as const) {
        const inline = searchIndex(getSearchIndex(), query, { page, pageSize: 1 });
        const off = await searchArticles(query, { page, pageSize: 1 });
        expect({ ...off, tookMs: 0 }).toEqual({ ...inline, tookMs: 0 });
      }
      expect((await searchArticles('豆浆', { page: 2, pageSize: 1 })).hits[0]?.article.title).toBe('春茶');
    } finally {
      state.content = null;
    }
  });

  it('answers an empty query with nothing, without touching the index', async () => {
    expect(await searchArticles('  ', { pageSize: 10 })).toMatchObject({ total: 0, hits: [] });
  });
});
