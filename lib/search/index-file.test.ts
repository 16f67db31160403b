import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentIndex, type ContentIndex } from '@/lib/content/index';
import type { SearchIndex } from './build-index';
import { writeSite, type SiteFile } from '@/test/search-fixtures';
import {
  deserializeIndex,
  IndexFileError,
  readIndexFile,
  serializeIndex,
  writeIndexFile,
  type StoredIndex,
} from './index-file';
import { planQuery } from './plan-query';
import { runQuery, type SearchPage } from './run-query';
import { readBuildIndex } from './service';
import { updateIndex } from './update-index';

const NOW = Date.parse('2024-06-01T00:00:00Z');

const SITE: SiteFile[] = [
  {
    name: 'hutong.html',
    title: '胡同里的早晨',
    date: 'Wed, 01 Dec 2021 10:52:00 GMT',
    body: '<p>卖豆浆的推车准时出现。在微信上打开淘宝链接。</p><h3 label="大标题" class="text-big-title">院门里外</h3><p>互联互通的时代，WeChat 和 ＧｉｔＨｕｂ。</p>',
  },
  {
    name: 'tea.html',
    title: '一杯春茶',
    date: 'Fri, 05 Apr 2024 02:00:00 GMT',
    body: '<p>一杯春茶，等了一整个冬天。豆浆也不错。</p>',
  },
  {
    name: 'links.html',
    title: '外链这件事',
    date: 'Sat, 20 Nov 2021 10:00:00 GMT',
    body: '<p>从这个月起，微信外链可以直接打开了。很多商家第一时间试了试 TypeScript。</p>',
  },
  {
    name: 'same-day.html',
    title: '豆浆与油条',
    date: 'Sat, 20 Nov 2021 10:00:00 GMT',
    body: '<p>豆浆配油条，胡同口的早餐。</p>',
  },
  // Never published: a draft flag, the drafts folder, published: false, and a date still to come.
  {
    name: 'secret.html',
    title: '草稿：修表摊的秘密',
    date: 'Sat, 06 Apr 2024 02:00:00 GMT',
    front: ['draft: true'],
    body: '<p>修表摊的配方草稿。</p>',
  },
  {
    name: '_drafts/winter.html',
    title: '冬至包饺子',
    date: 'Sat, 21 Dec 2024 10:00:00 GMT',
    body: '<p>冬至那天包饺子，草稿里的句子。</p>',
  },
  {
    name: 'hidden.html',
    title: '不公开的笔记',
    date: 'Sun, 07 Apr 2024 02:00:00 GMT',
    front: ['published: false'],
    body: '<p>这篇笔记不公开：鸽子哨。</p>',
  },
  {
    name: 'later.html',
    title: '立秋的胡同',
    date: 'Thu, 07 Aug 2025 08:00:00 GMT',
    body: '<p>立秋那天，豆浆摊换成了糖炒栗子。</p>',
  },
];
const UNPUBLISHED = ['修表摊', '冬至那天包饺子', '鸽子哨', '糖炒栗子', '立秋的胡同', '不公开的笔记'];
const QUERIES = [
  '豆浆',
  '微信外链',
  '互联互通',
  'github',
  'typesc',
  '胡同 豆浆',
  '院门',
  '春茶',
  '联互',
  '饺子',
  '淘宝 火星文',
  'wechat',
];

let site: { dir: string; cleanup: () => void };
let content: ContentIndex;
let fresh: SearchIndex;
let bytes: Buffer;
let clock = NOW;

const contentNow = () =>
  buildContentIndex({ dir: site.dir, timeZone: 'Asia/Shanghai', cacheFile: null, now: () => clock });
/** A results page without its timing, to compare two indexes' answers. */
const results = (index: SearchIndex, query: string): SearchPage => ({
  ...runQuery(index, planQuery(query), { pageSize: 10 }),
  tookMs: 0,
});
const titles = (index: SearchIndex, query: string) => results(index, query).hits.map((h) => h.article.title);

beforeAll(async () => {
  site = writeSite(SITE);
  content = contentNow();
  fresh = (await updateIndex(null, content, { sliceMs: 0, withSources: true })).index;
  bytes = serializeIndex(fresh);
});

afterAll(() => site.cleanup());

afterEach(() => {
  clock = NOW;
  vi.restoreAllMocks();
});

describe('the index file', () => {
  it('round-trips: the loaded index answers every query exactly as the freshly built one', async () => {
    const stored = deserializeIndex(bytes);
    const { index, stats } = await updateIndex(stored, content);
    expect(stats).toMatchObject({ carried: 4, indexed: 0, dropped: 0 });
    expect(index.docs.map((d) => d.meta)).toEqual(content.published);
    for (const query of QUERIES) expect(results(index, query), query).toEqual(results(fresh, query));
    expect(titles(index, '豆浆')).toEqual(['豆浆与油条', '一杯春茶', '胡同里的早晨']);
  });

  it('holds published articles only: no draft, unpublished or scheduled text or title', () => {
    expect(content.drafts).toHaveLength(3);
    expect(content.scheduled.map((a) => a.title)).toEqual(['立秋的胡同']);
    const text = bytes.toString('utf16le') + bytes.toString('utf8') + bytes.subarray(1).toString('utf16le');
    for (const needle of UNPUBLISHED) expect(text, needle).not.toContain(needle);
    expect(deserializeIndex(bytes).docs.map((d) => d.source.file)).toEqual([
      'tea.html',
      'hutong.html',
      'links.html',
      'same-day.html',
    ]);
  });

  it('is written whole and read back from disk', () => {
    const file = path.join(site.dir, '..', `${path.basename(site.dir)}-index`, 'search-index.bin');
    try {
      expect(writeIndexFile(file, fresh)).toBe(bytes.length);
      expect(readIndexFile(file).docs).toHaveLength(4);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('refuses a damaged or foreign file with a reason', () => {
    expect(() => deserializeIndex(Buffer.from('not an index at all'))).toThrow(IndexFileError);
    const otherVersion = Buffer.from(bytes);
    otherVersion.writeUInt32LE(999, 8);
    expect(() => deserializeIndex(otherVersion)).toThrow(/version 999/);
    expect(() => deserializeIndex(bytes.subarray(0, bytes.length - 64))).toThrow(/cut short/);
  });
});

describe('a server started without the index file', () => {
  it('says in one line that the file is missing and that it builds the index in memory', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(readBuildIndex(path.join(site.dir, 'no-such-build', 'hutong', 'search-index.bin'))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /search-index\.bin is missing .*building the search index in memory instead/,
    );
  });

  it('says so too for an unreadable file', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = path.join(site.dir, 'broken-index.bin');
    fs.writeFileSync(file, 'garbage');
    try {
      expect(readBuildIndex(file)).toBeNull();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /cannot be read \(not a search index file\); building the search index in memory instead/,
      );
    } finally {
      fs.rmSync(file);
    }
  });
});

describe('a stale index file', () => {
  const write = (name: string, file: Omit<SiteFile, 'name'>) => {
    const full = path.join(site.dir, name);
    fs.writeFileSync(
      full,
      ['---', `title: '${file.title}'`, `date: ${file.date}`, ...(file.front ?? []), '---', '', file.body, ''].join(
        '\n',
      ),
    );
  };
  const original = (name: string) => SITE.find((f) => f.name === name) as SiteFile;

  it('covers exactly what is published now: changed, new, withdrawn and newly live articles', async () => {
    const stored: StoredIndex = deserializeIndex(bytes);
    write('tea.html', { ...original('tea.html'), body: '<p>一杯绿茶，等了一整个春天。</p>' });
    write('new.html', {
      title: '新开的书店',
      date: 'Mon, 06 May 2024 02:00:00 GMT',
      body: '<p>胡同里新开了一家书店，也卖豆浆。</p>',
    });
    write('links.html', { ...original('links.html'), front: ['draft: true'] });
    clock = Date.parse('2025-09-01T00:00:00Z');
    try {
      const now = contentNow();
      const { index, stats } = await updateIndex(stored, now);
      expect(stats).toMatchObject({ carried: 2, indexed: 3, dropped: 2 });
      expect(index.docs.map((d) => d.meta)).toEqual(now.published);
      // The title match first, then newest first.
      expect(titles(index, '豆浆')).toEqual(['豆浆与油条', '立秋的胡同', '新开的书店', '胡同里的早晨']);
      expect(titles(index, '冬天')).toEqual([]);
      expect(titles(index, '绿茶')).toEqual(['一杯春茶']);
      expect(titles(index, '商家')).toEqual([]);
      // Merged, it answers like an index built from scratch over the same articles.
      const scratch = (await updateIndex(null, now, { sliceMs: 0 })).index;
      for (const query of [...QUERIES, '绿茶', '书店', '栗子'])
        expect(results(index, query), query).toEqual(results(scratch, query));
    } finally {
      write('tea.html', original('tea.html'));
      write('links.html', original('links.html'));
      fs.rmSync(path.join(site.dir, 'new.html'));
    }
  });

  it('takes a file whose time changed but whose bytes did not as unchanged', async () => {
    const full = path.join(site.dir, 'hutong.html');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(full, later, later);
    const { index, stats } = await updateIndex(deserializeIndex(bytes), content, { withSources: true });
    expect(stats).toMatchObject({ carried: 4, indexed: 0 });
    expect(index.docs.find((d) => d.meta.file === 'hutong.html')?.source?.mtimeMs).toBe(fs.statSync(full).mtimeMs);
  });
});
