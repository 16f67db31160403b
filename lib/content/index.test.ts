import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '@/lib/config';
import { compileSiteIndex, WRITE_WINDOW } from './compile';
import { NextRequest } from 'next/server';
import { configuredIndex, getBuiltContentIndex } from './built-index';
import { INDEX_STEP_LOCK_ENV } from './index-path.mjs';
import { siteArticle, siteIndex } from './site';
import {
  buildContentIndex,
  getContentIndex,
  indexFileMatches,
  openContentIndex,
  resetContentIndex,
} from './index';
import { missingContentResponse } from '@/lib/site/missing-content';
import { previewArticle } from './preview';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';

const config = vi.hoisted(() => ({ current: null as AppConfig | null }));
vi.mock('@/lib/config', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/config')>();
  return { ...actual, getConfig: () => config.current ?? actual.getConfig() };
});

const SH = 'Asia/Shanghai';
let corpus: Corpus;

beforeEach(() => {
  corpus = makeCorpus();
});
afterEach(() => {
  corpus.cleanup();
  resetContentIndex();
  config.current = null;
  vi.restoreAllMocks();
});

/** A small newsroom: three authors, overlapping categories, one draft, one broken file. */
function newsroom() {
  corpus.write('2021/修车铺.md', article({ title: '修车铺', date: '2021-12-03 09:00', categories: ['北京', '手艺'], author: '老张', extra: ['tags: 胡同, 手艺人'] }));
  corpus.write('2021/早点摊.md', article({ title: '早点摊', date: '2021-12-02 07:00', categories: ['上海', '吃'], author: '小李', extra: ['tags: [胡同]'] }));
  corpus.write('2021/煎饼.md', article({ title: '煎饼', date: '2021-12-01 07:00', categories: ['天津', '吃'], author: '小李' }));
  corpus.write('2020/旧书店.html', article({ title: '旧书店', date: '2020-06-01', categories: ['北京'], author: '阿周' }));
  corpus.write('2020/无名.txt', article({ title: '无名', date: '2020-05-01', categories: ['上海'] }));
  corpus.write('_drafts/未完成.md', article({ title: '未完成', date: '2022-01-01', categories: ['草稿分类', '北京'], author: '草稿作者', extra: ['tags: 秘密'] }));
  // An unreadable draft flag drops the file: a typo must never publish a draft.
  corpus.write('坏文件.md', article({ title: '坏文件', date: '2021-11-30', extra: ['draft: perhaps'] }));
}

const build = (extra: { dbFile?: string | null; onParse?: (file: string) => void; timeZone?: string; now?: () => number } = {}) =>
  buildContentIndex({ dir: corpus.dir, timeZone: extra.timeZone ?? SH, dbFile: extra.dbFile ?? null, onParse: extra.onParse, now: extra.now });

describe('buildContentIndex', () => {
  it('lists published articles newest first and keeps drafts apart', () => {
    newsroom();
    const index = build();
    expect(index.latest(1e9).map((a) => a.slug)).toEqual(['修车铺', '早点摊', '煎饼', '旧书店', '无名']);
    expect(index.drafts.map((a) => a.slug)).toEqual(['未完成']);
    expect(index.problems.map((p) => [p.file, p.field])).toEqual([['坏文件.md', 'draft']]);
  });

  it('finds published articles by slug, never drafts', () => {
    newsroom();
    const index = build();
    expect(index.getMeta('煎饼')?.title).toBe('煎饼');
    expect(index.getMeta('煎饼'.normalize('NFD'))?.title).toBe('煎饼');
    expect(index.getMeta('未完成')).toBeUndefined();
    expect(index.getMeta('坏文件')).toBeUndefined();
    expect(index.getDraftMeta('未完成')?.title).toBe('未完成');
    expect(index.getDraftMeta('煎饼')).toBeUndefined();
  });

  it('builds taxonomies by count, then in Chinese (pinyin) order, from published articles only', () => {
    newsroom();
    const index = build();
    // 北京 (bei) < 上海 (shang) < 天津 (tian) in pinyin, though 上 < 北 < 天 by code point.
    expect(index.categories).toEqual([
      { name: '北京', count: 2, latest: '2021-12-03T01:00:00.000Z' },
      { name: '吃', count: 2, latest: '2021-12-01T23:00:00.000Z' },
      { name: '上海', count: 2, latest: '2021-12-01T23:00:00.000Z' },
      { name: '手艺', count: 1, latest: '2021-12-03T01:00:00.000Z' },
      { name: '天津', count: 1, latest: '2021-11-30T23:00:00.000Z' },
    ]);
    expect(index.authors.map((a) => [a.name, a.count])).toEqual([
      ['小李', 2],
      ['阿周', 1],
      ['老张', 1],
    ]);
    expect(index.tags.map((t) => [t.name, t.count])).toEqual([
      ['胡同', 2],
      ['手艺人', 1],
    ]);
  });

  it('lists the articles of a category, author or tag newest first', () => {
    newsroom();
    const index = build();
    expect(index.listing('category', '北京', 1e9).map((a) => a.slug)).toEqual(['修车铺', '旧书店']);
    expect(index.listing('category', '草稿分类', 1e9)).toEqual([]);
    expect(index.listing('category', '没有这个', 1e9)).toEqual([]);
    expect(index.listing('author', '小李', 1e9).map((a) => a.slug)).toEqual(['早点摊', '煎饼']);
    expect(index.listing('author', '草稿作者', 1e9)).toEqual([]);
    expect(index.listing('tag', '胡同', 1e9).map((a) => a.slug)).toEqual(['修车铺', '早点摊']);
    expect(index.listing('tag', '秘密', 1e9)).toEqual([]);
  });

  it('gives each article its newer and older neighbour, skipping drafts', () => {
    newsroom();
    const index = build();
    const names = (slug: string) => {
      const n = index.neighbors(slug);
      return [n.newer?.slug ?? null, n.older?.slug ?? null];
    };
    expect(names('修车铺')).toEqual([null, '早点摊']);
    expect(names('煎饼')).toEqual(['早点摊', '旧书店']);
    expect(names('无名')).toEqual(['旧书店', null]);
    expect(names('未完成')).toEqual([null, null]);
    expect(names('nowhere')).toEqual([null, null]);
  });

  it('hands each caller its own lists, so one page cannot reorder the site for another', () => {
    newsroom();
    const index = build();
    index.latest(1e9).reverse();
    index.latest(5).reverse(); // the first page is kept between calls (every page's 404 boundary asks for it)
    index.listing('category', '北京', 1e9).sort();
    expect(() => index.categories.pop()).toThrow(TypeError);
    expect(index.latest(1e9)[0]?.slug).toBe('修车铺');
    expect(index.latest(5)[0]?.slug).toBe('修车铺');
    expect(() => ((index.latest(5)[0] as { title: string }).title = '改')).toThrow(TypeError);
    expect(index.listing('category', '北京', 1e9).map((a) => a.slug)).toEqual(['修车铺', '旧书店']);
  });

  it('holds metadata only: no article body stays in the index', () => {
    corpus.write('x.md', article({ date: '2021-12-01', paragraphs: ['开头一段。', '这句只在正文深处出现，不会进入摘要或目录。'.repeat(20)] }));
    const index = build();
    expect(index.latest(1e9)).toHaveLength(1);
    expect(JSON.stringify(index.latest(1e9))).not.toContain('收摊以后');
    expect(index.latest(1e9)[0]).not.toHaveProperty('body');
  });
});

describe('the index file', () => {
  const dbFileIn = () => path.join(corpus.dir, '.cache', 'site.db');

  it('re-parses only the files whose content changed', () => {
    newsroom();
    const dbFile = dbFileIn();
    const parsed: string[] = [];
    const first = build({ dbFile, onParse: (f) => parsed.push(f) });
    expect(parsed).toHaveLength(7);
    expect(fs.existsSync(dbFile)).toBe(true);

    parsed.length = 0;
    const second = build({ dbFile, onParse: (f) => parsed.push(f) });
    // Nothing is parsed again, the draft included: the index file keeps a mark of it (a hash of its path
    // and bytes), never its text (see below).
    expect(parsed).toEqual([]);
    expect(second.latest(1e9)).toEqual(first.latest(1e9));
    expect(second.problems).toEqual(first.problems);
    expect(second.categories).toEqual(first.categories);

    // A checkout or copy gives a file a new time, not new bytes: it is read again, not parsed again.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(corpus.dir, '2021/煎饼.md'), later, later);
    parsed.length = 0;
    build({ dbFile, onParse: (f) => parsed.push(f) });
    expect(parsed).toEqual([]);

    corpus.write('2021/煎饼.md', article({ title: '煎饼果子', date: '2021-12-01 07:00', categories: ['天津'], author: '小李' }));
    parsed.length = 0;
    const third = build({ dbFile, onParse: (f) => parsed.push(f) });
    expect(parsed).toEqual(['2021/煎饼.md']);
    expect(third.getMeta('煎饼')?.title).toBe('煎饼果子');
    expect(third.categories.find((c) => c.name === '吃')?.count).toBe(1);
  });

  it('parses a draft again when its bytes or its name change, and publishes it when it stops being one', () => {
    newsroom();
    const dbFile = dbFileIn();
    build({ dbFile });
    const parsed: string[] = [];
    const onParse = (f: string) => parsed.push(f);

    corpus.write('_drafts/未完成.md', article({ title: '未完成（二稿）', date: '2022-01-01', categories: ['北京'] }));
    build({ dbFile, onParse });
    expect(parsed).toEqual(['_drafts/未完成.md']);

    // Same bytes under another name: a new file to this build.
    fs.renameSync(path.join(corpus.dir, '_drafts/未完成.md'), path.join(corpus.dir, '_drafts/二稿.md'));
    parsed.length = 0;
    build({ dbFile, onParse });
    expect(parsed).toEqual(['_drafts/二稿.md']);
    parsed.length = 0;
    build({ dbFile, onParse });
    expect(parsed).toEqual([]);

    // Out of _drafts/ and without a draft flag: published by the next build.
    fs.mkdirSync(path.join(corpus.dir, '2022'));
    fs.renameSync(path.join(corpus.dir, '_drafts/二稿.md'), path.join(corpus.dir, '2022/二稿.md'));
    parsed.length = 0;
    const published = build({ dbFile, onParse });
    expect(parsed).toEqual(['2022/二稿.md']);
    expect(published.getMeta('二稿')?.title).toBe('未完成（二稿）');
    const bytes = fs.readFileSync(dbFile).toString('utf8');
    expect(bytes).toContain('未完成（二稿）');

    // Back to a draft: out of the listings, and its new text never in the file.
    corpus.write('2022/二稿.md', article({ title: '撤回重写', date: '2022-01-01', extra: ['draft: true', 'tags: 保密标签'] }));
    const again = build({ dbFile });
    expect(again.getMeta('二稿')).toBeUndefined();
    expect(again.latest(1e9).map((a) => a.slug)).not.toContain('二稿');
    const after = fs.readFileSync(dbFile).toString('utf8');
    expect(after).not.toContain('撤回重写');
    expect(after).not.toContain('保密标签');
  });

  it('forgets deleted files, in the listings and in search', () => {
    newsroom();
    const dbFile = dbFileIn();
    build({ dbFile });
    corpus.remove('2020/旧书店.html');
    const index = build({ dbFile });
    expect(index.getMeta('旧书店')).toBeUndefined();
    const files = index.db.prepare('SELECT file FROM files ORDER BY file').pluck().all();
    expect(files).toEqual(['2020/无名.txt', '2021/修车铺.md', '2021/早点摊.md', '2021/煎饼.md', '坏文件.md']);
    expect(index.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(4);
  });

  it('updates the file in place when no one reads it, and writes a copy when a server does', () => {
    newsroom();
    const dbFile = dbFileIn();
    build({ dbFile }).db.close();
    const inode = fs.statSync(dbFile).ino;

    // Nobody has it open: the same file, updated (no copy of an archive's gigabytes).
    corpus.write('2022/新店.md', article({ title: '新店开张', date: '2022-02-01 09:00', categories: ['北京'] }));
    const updated = build({ dbFile });
    expect(fs.statSync(dbFile).ino).toBe(inode);
    expect(updated.getMeta('新店')?.title).toBe('新店开张');
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith('site.db'))).toEqual(['site.db']);

    // `updated` stays open, as a running server's index does: the next build leaves its file alone.
    corpus.write('2022/又一家.md', article({ title: '又一家', date: '2022-03-01 09:00', categories: ['北京'] }));
    const next = build({ dbFile });
    expect(fs.statSync(dbFile).ino).not.toBe(inode);
    expect(next.getMeta('又一家')?.title).toBe('又一家');
    expect(updated.getMeta('又一家')).toBeUndefined();
    expect(updated.latest(1e9).map((a) => a.slug)).toEqual(['新店', '修车铺', '早点摊', '煎饼', '旧书店', '无名']);
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith('site.db'))).toEqual(['site.db']);
    updated.db.close();
    next.db.close();
  });

  it('leaves FTS5 its default settings after a clean build streamed in with its own, for the builds after it', () => {
    newsroom();
    const dbFile = dbFileIn();
    build({ dbFile }).db.close();
    const settings = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return ['search_terms', 'search_titles'].map((table) =>
          Object.fromEntries(
            (db.prepare(`SELECT k, v FROM ${table}_config WHERE k != 'version'`).all() as Array<{ k: string; v: number }>).map(
              (row) => [row.k, row.v],
            ),
          ),
        );
      } finally {
        db.close();
      }
    };
    // Not the clean build's (hashsize 64 MiB, crisismerge 1,000, automerge 0): those would make every later
    // build's few articles a segment of their own, never merged until 1,000 of them.
    const defaults = { pgsz: 16000, automerge: 4, hashsize: 1048576, crisismerge: 16 };
    expect(settings()).toEqual([defaults, defaults]);
    corpus.write('2022/新店.md', article({ title: '新店开张', date: '2022-02-01 09:00', categories: ['北京'] }));
    const updated = build({ dbFile });
    expect(updated.getMeta('新店')?.title).toBe('新店开张');
    updated.db.close();
    expect(settings()).toEqual([defaults, defaults]);
  });

  it('a build that dies halfway in place leaves a file no server takes, and the next build finishes it', () => {
    newsroom();
    const dbFile = dbFileIn();
    build({ dbFile }).db.close();
    // One window of files is written and committed; the build dies in the next.
    const added = WRITE_WINDOW + 6;
    for (let i = 0; i < added; i++)
      corpus.write(`2023/第${i}篇.md`, article({ title: `第${i}篇`, date: `2023-01-01 08:${String(i % 60).padStart(2, '0')}` }));
    let seen = 0;
    expect(() =>
      compileSiteIndex({
        dir: corpus.dir,
        timeZone: SH,
        dbFile,
        onParse: () => {
          if (++seen === WRITE_WINDOW + 2) throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(indexFileMatches(dbFile, corpus.dir, SH)).toBe(false);

    const parsed: string[] = [];
    const finished = build({ dbFile, onParse: (f) => parsed.push(f) });
    expect(parsed).toHaveLength(6);
    expect(indexFileMatches(dbFile, corpus.dir, SH)).toBe(true);
    expect(finished.latest(1e9)).toHaveLength(5 + added);
    finished.db.close();
  });

  it('recovers from a build killed in the middle of a write: the journal is rolled back, never left behind', () => {
    newsroom();
    for (let i = 0; i < 40; i++)
      corpus.write(`2023/第${i}篇.md`, article({ title: `第${i}篇`, date: `2023-01-01 08:${String(i).padStart(2, '0')}` }));
    const dbFile = dbFileIn();
    build({ dbFile }).db.close();
    // A process that dies inside a transaction, after SQLite has written changed pages to the file (a
    // page cache of one page spills them): the journal it leaves is hot.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(dbFile)});
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 1');
      db.exec('BEGIN; DELETE FROM search_docs; DELETE FROM articles; DELETE FROM files;');
      process.exit(0);`;
    execFileSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(fs.existsSync(`${dbFile}-journal`)).toBe(true);

    const parsed: string[] = [];
    const index = build({ dbFile, onParse: (f) => parsed.push(f) });
    // Rolled back to the last commit: everything was still there, nothing to parse again.
    expect(parsed).toEqual([]);
    expect(index.latest(1e9)).toHaveLength(45);
    expect(index.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.existsSync(`${dbFile}-journal`)).toBe(false);
    index.db.close();
  });

  it('starts over when the site time zone changes, since dates depend on it', () => {
    corpus.write('x.md', article({ date: '2021-12-01 08:00' }));
    const dbFile = dbFileIn();
    build({ dbFile });
    const parsed: string[] = [];
    const utc = build({ dbFile, timeZone: 'UTC', onParse: (f) => parsed.push(f) });
    expect(parsed).toEqual(['x.md']);
    expect(utc.latest(1e9)[0]?.date).toBe('2021-12-01T08:00:00.000Z');
  });

  it('starts over from a damaged index file', () => {
    corpus.write('x.md', article({ date: '2021-12-01' }));
    corpus.write('.cache/site.db', 'SQLite format 3\u0000 but not really');
    const parsed: string[] = [];
    expect(build({ dbFile: dbFileIn(), onParse: (f) => parsed.push(f) }).latest(1e9)).toHaveLength(1);
    expect(parsed).toEqual(['x.md']);
  });
});

describe('getContentIndex, and siteIndex and siteArticle for pages', () => {
  function useConfig(overrides: Partial<AppConfig> = {}) {
    config.current = {
      siteUrl: 'http://localhost:3000',
      siteName: '胡同',
      siteDescription: '',
      editorEmails: [],
      timeZone: SH,
      contentDir: corpus.dir,
      strictContent: false,
      prerenderArticles: 10,
      pageSize: 12,
      ...overrides,
    };
  }

  it('builds once per process and logs each problem once as "content: file: field: reason"', () => {
    newsroom();
    useConfig();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = getContentIndex();
    expect(getContentIndex()).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^content: 坏文件\.md: draft: must be true or false, .* \(file left out\)$/);
  });

  it('opens only a built index in the proxy: until one is compiled, requests go through to the pages', () => {
    newsroom();
    useConfig();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const ask = (pathname: string) => missingContentResponse(new NextRequest(`http://localhost:3000${pathname}`));
    // The index file there was compiled from another folder (another test's, the demo's) or is missing.
    expect(getBuiltContentIndex()).toBeNull();
    expect(ask('/articles/没有这篇')).toBeNull();
    const compiled = getContentIndex();
    expect(getBuiltContentIndex()).toBe(compiled);
    expect(ask('/articles/没有这篇')?.status).toBe(404);
    expect(ask(`/articles/${encodeURIComponent('修车铺')}`)).toBeNull();
    // A fresh process (the proxy's first request after a build) opens the file as it is.
    resetContentIndex();
    expect(getBuiltContentIndex()?.getMeta('修车铺')?.title).toBe('修车铺');
  });

  it("in `next build`, waits until the build's index step lets go of the file, then reads the new one", async () => {
    newsroom();
    useConfig();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { dbFile } = configuredIndex();
    const lock = `${dbFile}.lock`;
    build({ dbFile }).db.close();
    // What the index step is about to put in place.
    corpus.write('2022/新店.md', article({ title: '新店开张', date: '2022-02-01 09:00', categories: ['北京'] }));
    const next = `${dbFile}.next`;
    build({ dbFile: next }).db.close();
    // The index step: holds the lock, puts the new file in place, lets go.
    const step = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import fs from 'node:fs';
         import { tryTakeLock } from ${JSON.stringify(pathToFileURL(path.resolve('lib/locks/lock-file.mjs')).href)};
         const held = tryTakeLock(${JSON.stringify(lock)});
         if (!held.taken) process.exit(3);
         console.log('held');
         setTimeout(() => { fs.renameSync(${JSON.stringify(next)}, ${JSON.stringify(dbFile)}); held.lock.release(); }, 700);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      step.stdout.on('data', (chunk) => String(chunk).includes('held') && resolve());
      step.on('exit', (code) => reject(new Error(`the index step stand-in exited (${code})`)));
    });
    process.env[INDEX_STEP_LOCK_ENV] = lock;
    try {
      resetContentIndex();
      const asked = performance.now();
      const index = getBuiltContentIndex();
      expect(performance.now() - asked).toBeGreaterThan(300);
      expect(index?.getMeta('新店')?.title).toBe('新店开张');
    } finally {
      delete process.env[INDEX_STEP_LOCK_ENV];
      resetContentIndex();
    }
  });

  it('with STRICT_CONTENT, fails loudly listing every problem', () => {
    newsroom();
    corpus.write('无题.md', article({ title: '', date: '2021-12-01' }));
    useConfig({ strictContent: true });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => getContentIndex()).toThrow(/STRICT_CONTENT[\s\S]*坏文件\.md: draft[\s\S]*无题\.md: title: missing or empty/);
  });

  it('with STRICT_CONTENT and clean content, serves normally', () => {
    corpus.write('x.md', article({ date: '2021-12-01' }));
    useConfig({ strictContent: true });
    expect(getContentIndex().latest(1e9)).toHaveLength(1);
  });

  it('reads a published body from disk on demand, and drafts only through a preview', async () => {
    newsroom();
    useConfig();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'info').mockImplementation(() => {});
    // Nothing built for this folder yet: the pages' accessor compiles it (as under `next dev`).
    expect(getBuiltContentIndex()).toBeNull();
    const a = await siteArticle('修车铺');
    expect(a?.title).toBe('修车铺');
    expect(a?.body).toContain('<h3 label="大标题"');
    expect(await siteIndex()).toBe(getContentIndex());
    expect(await siteArticle('未完成')).toBeUndefined();
    expect(await siteArticle('missing')).toBeUndefined();
    expect(previewArticle('未完成', getContentIndex(), SH)).toMatchObject({ status: 'draft' });
    expect(previewArticle('未完成', getContentIndex(), SH)?.body).toContain('老张的修车铺');
    expect(previewArticle('修车铺', getContentIndex(), SH)?.status).toBe('published');
  });
});

describe('drafts and scheduled articles', () => {
  it('keeps drafts out of the index file (it ships with the site); scheduled articles wait in it, hidden', () => {
    newsroom();
    corpus.write('later.md', article({ title: '明天才发的文章', date: '2031-01-01 08:00', categories: ['北京'] }));
    const dbFile = path.join(corpus.dir, '.cache', 'site.db');
    const index = build({ dbFile });
    const bytes = fs.readFileSync(dbFile).toString('utf8');
    expect(bytes).not.toContain('未完成');
    expect(bytes).not.toContain('草稿作者');
    expect(bytes).not.toContain('秘密');
    expect(bytes).toContain('修车铺');
    expect(index.getMeta('later')).toBeUndefined();
    expect(index.listing('category', '北京', 1e9).map((a) => a.slug)).not.toContain('later');
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['site.db']);
  });

  it('publishes a scheduled article when its time comes, without rebuilding the index', () => {
    corpus.write('now.md', article({ title: '已发布', date: '2030-01-01 07:00', categories: ['城市'], author: '甲' }));
    corpus.write('later.md', article({ title: '定时发布', date: '2030-01-01 08:00', categories: ['定时分类'], author: '乙' }));
    // 2030-01-01 08:00 in Shanghai is 00:00 UTC.
    const due = Date.UTC(2030, 0, 1, 0, 0, 0);
    let now = due - 1;
    const index = build({ now: () => now });

    expect(index.latest(1e9).map((a) => a.title)).toEqual(['已发布']);
    expect(index.latest(5).map((a) => a.title)).toEqual(['已发布']);
    expect(index.count).toBe(1);
    expect(index.scheduled.map((a) => a.title)).toEqual(['定时发布']);
    expect(index.getMeta('later')).toBeUndefined();
    expect(index.getDraftMeta('later')?.title).toBe('定时发布');
    expect(index.listing('category', '定时分类', 1e9)).toEqual([]);
    expect(index.authors.map((a) => a.name)).toEqual(['甲']);
    expect(index.neighbors('now')).toEqual({ newer: null, older: null });

    now = due; // the boundary itself counts as published
    expect(index.latest(1e9).map((a) => a.title)).toEqual(['定时发布', '已发布']);
    expect(index.latest(5).map((a) => a.title)).toEqual(['定时发布', '已发布']);
    expect(index.count).toBe(2);
    expect(index.scheduled).toEqual([]);
    expect(index.getMeta('later')?.title).toBe('定时发布');
    expect(index.getDraftMeta('later')).toBeUndefined();
    expect(index.listing('category', '定时分类', 1e9).map((a) => a.slug)).toEqual(['later']);
    expect(index.neighbors('now').newer?.slug).toBe('later');
  });


  it('counts what is published from the rows the build counted, and counts them itself in a file without that', () => {
    corpus.write('a.md', article({ title: '一', date: '2030-01-01 07:00' }));
    corpus.write('b.md', article({ title: '二', date: '2030-01-01 07:30' }));
    corpus.write('later.md', article({ title: '定时发布', date: '2030-01-01 08:00' }));
    const due = Date.UTC(2030, 0, 1, 0, 0, 0);
    const dbFile = path.join(corpus.dir, '.cache', 'site.db');
    build({ dbFile }).db.close();
    const counts = () => {
      const index = openContentIndex(dbFile, corpus.dir, () => due - 1);
      const later = openContentIndex(dbFile, corpus.dir, () => due);
      try {
        return [index.count, later.count];
      } finally {
        index.db.close();
        later.db.close();
      }
    };
    expect(counts()).toEqual([2, 3]);
    // An index file written before the build stored its row count.
    const writable = new Database(dbFile);
    writable.prepare("DELETE FROM info WHERE key = 'articles'").run();
    writable.close();
    expect(counts()).toEqual([2, 3]);
  });
});
