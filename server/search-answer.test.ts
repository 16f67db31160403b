import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileSiteIndex } from '@/lib/content/compile';
import { openSiteDb } from '@/lib/content/site-db';
import { resultsAnswer } from '@/lib/search/results-html';
import { searchIndex } from '@/lib/search/run-query';
import { tempDirs } from '@/test/temp-dirs';
import { BUNDLES, MARK, writeBundle } from './bundle.cjs';
import { createSearchAnswerer, MAX_FAILURES, type SearchAnswerer } from './search-answer.mjs';

// Folders made in a test; those beforeAll makes are removed after all of them.
const { make: tmp } = tempDirs('hutong-search-answer-');
const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');

// Inside the project (.hutong/ is ignored by git), where a bundle may run and finds its packages.
const work = path.join(process.cwd(), '.hutong', `search-answer-test-${process.pid}`);
const distDir = `.vitest-build/search-answer-${process.pid}`;
const dbFile = path.join(process.cwd(), '.hutong', `vitest-build-search-answer-${process.pid}`, 'site.db');
const bundleFile = path.join(work, 'search-answer.cjs');
const ENV = { NEXT_DIST_DIR: distDir, SITE_NAME: '胡同测试', PAGE_SIZE: '2', SITE_TIMEZONE: 'Asia/Shanghai' };

const answerers: SearchAnswerer[] = [];
afterEach(async () => {
  await Promise.all(answerers.splice(0).map((a) => a.close()));
});

/** An answerer for `file`, its thread started with `env` added to this process's variables. */
function answerer(
  file: string | (() => string | null),
  env: Record<string, string> = {},
  { timeoutMs, threads = 1 }: { timeoutMs?: number; threads?: number } = {},
) {
  const made = createSearchAnswerer({ file, timeoutMs, threads, project: process.cwd() });
  answerers.push(made);
  return {
    ...made,
    // The thread starts at the first answer and takes the variables as they are then.
    answer: async (search: string) => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        return await made.answer(search);
      } finally {
        for (const name of Object.keys(env)) {
          if (saved[name] === undefined) delete process.env[name];
          else process.env[name] = saved[name];
        }
      }
    },
  };
}

function article(title: string, date: string, body: string, extra: string[] = []): string {
  return ['---', `title: '${title}'`, 'categories:', ' - 城市', `date: ${date}`, ...extra, '---', '', body, ''].join(
    '\n',
  );
}

let content: string;
const LATER = Date.now() + 365 * 86_400_000;

beforeAll(async () => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-search-answer-content-'));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(content, name), text);
  write('morning.html', article('胡同里的早晨', '2021-12-01 10:52:00', '<p>卖豆浆的推车准时出现，豆浆很烫。</p>'));
  write('tea.md', article('春茶', '2024-04-05 10:00:00', '一杯春茶，等了一整个冬天。**豆浆**也不错。'));
  write('noodles.md', article('面馆', '2023-03-01 09:00:00', '面馆门口排队的人说，豆浆要配油条。'));
  write('draft.md', article('草稿：豆浆的秘密', '2024-04-06 10:00:00', '豆浆配方草稿。', ['draft: true']));
  write(
    'later.md',
    article('明年的豆浆', new Date(LATER).toISOString().replace('T', ' ').slice(0, 19), '定时发布的豆浆文章。'),
  );
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  compileSiteIndex({ dir: content, timeZone: 'Asia/Shanghai', dbFile });
  const written = await writeBundle(bundleFile, undefined, BUNDLES['search-answer.cjs']);
  expect(written?.sources).toBeGreaterThan(10);
}, 120_000);

afterAll(() => {
  for (const dir of [work, path.dirname(dbFile), content]) fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm start's search thread for result pages", () => {
  it('answers a result page as /search renders it: drafts never, scheduled articles from their time', async () => {
    const threads = answerer(bundleFile, { ...ENV, CONTENT_DIR: content });
    const db = openSiteDb(dbFile);
    const config = { timeZone: 'Asia/Shanghai', siteName: '胡同测试' };
    try {
      for (const [search, query, page] of [
        ['q=%E8%B1%86%E6%B5%86', '豆浆', 1],
        ['q=%E8%B1%86%E6%B5%86&page=2', '豆浆', 2],
        ['q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA', '没有这个', 1],
        ['q=', '', 1],
      ] as const) {
        const got = await threads.answer(search);
        const expected = searchIndex({ db, now: Date.now }, query, { page, pageSize: 2 });
        expect(got, search).toEqual(resultsAnswer(expected, query, page, config));
      }
      const first = await threads.answer('q=%E8%B1%86%E6%B5%86');
      expect(first?.title).toBe('搜索：豆浆 · 胡同测试');
      expect(first?.address).toBe('/search?q=%E8%B1%86%E6%B5%86');
      expect(first?.html).toMatch(/找到 <strong[^>]*>3<\/strong> 篇与「豆浆」相关的文章，第 1 \/ 2 页/);
      expect(first?.html).toContain('<mark');
      const both = `${first?.html}${(await threads.answer('q=%E8%B1%86%E6%B5%86&page=2'))?.html}`;
      for (const title of ['春茶', '面馆']) expect(both).toContain(title);
      expect(both).not.toContain('草稿');
      expect(both).not.toContain('明年');
      expect(threads.stats()).toMatchObject({ answered: 6, declined: 0, failed: 0, starts: 1 });
    } finally {
      db.close();
    }
  });

  it('finds a scheduled article once the server’s clock has passed its time', async () => {
    const threads = answerer(bundleFile, { ...ENV, CONTENT_DIR: content });
    const realNow = Date.now;
    Date.now = () => LATER + 60_000;
    try {
      const later = await threads.answer('q=%E5%AE%9A%E6%97%B6');
      expect(later?.html).toContain('明年的豆浆');
    } finally {
      Date.now = realNow;
    }
    expect((await threads.answer('q=%E5%AE%9A%E6%97%B6'))?.html).toContain('没有找到');
  });

  it('leaves the page to Next when the index file is not the one Next would read', async () => {
    // Compiled from another content folder (or time zone): Next would compile its own, so Next answers.
    const other = answerer(bundleFile, { ...ENV, CONTENT_DIR: tmp() });
    expect(await other.answer('q=%E8%B1%86%E6%B5%86')).toBeNull();
    const zone = answerer(bundleFile, { ...ENV, CONTENT_DIR: content, SITE_TIMEZONE: 'UTC' });
    expect(await zone.answer('q=%E8%B1%86%E6%B5%86')).toBeNull();
    expect(zone.stats()).toMatchObject({ answered: 0, declined: 1 });
  });

  it('runs only from a bundle that matches its sources, and only from inside the project', async () => {
    const stale = path.join(work, 'stale.cjs');
    const text = fs.readFileSync(bundleFile, 'utf8');
    const sources = JSON.parse(text.slice(MARK.length, text.indexOf('\n'))) as Record<string, string>;
    expect(Object.keys(sources)).toEqual(
      expect.arrayContaining(['lib/search/answer-worker.ts', 'lib/search/run-query.ts', 'lib/search/results-html.ts']),
    );
    sources['lib/search/run-query.ts'] = sha1('an older run-query.ts');
    fs.writeFileSync(stale, `${MARK}${JSON.stringify(sources)}${text.slice(text.indexOf('\n'))}`);
    const old = answerer(stale, { ...ENV, CONTENT_DIR: content });
    expect(await old.answer('q=a')).toBeNull();
    expect(old.stats()).toMatchObject({ declined: 1, starts: 0 });
    const outside = path.join(tmp(), 'search-answer.cjs');
    fs.copyFileSync(bundleFile, outside);
    expect(await answerer(outside, { ...ENV, CONTENT_DIR: content }).answer('q=a')).toBeNull();
    expect(await answerer(path.join(work, 'missing.cjs')).answer('q=a')).toBeNull();
    expect(await answerer(() => null).answer('q=a')).toBeNull();
  });
});

describe('the search thread’s life', () => {
  /** A stand-in thread in a bundle of its own (a real source, so that it counts as fresh). */
  function fakeThread(name: string, code: string): string {
    const source = path.join(work, `${name}.src.js`);
    fs.writeFileSync(source, code);
    const file = path.join(work, `${name}.cjs`);
    const sources = { [path.relative(process.cwd(), source)]: sha1(code) };
    fs.writeFileSync(file, `${MARK}${JSON.stringify(sources)}\n${code}`);
    return file;
  }

  const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, search, now }) => {
  if (search === 'exit') process.exit(3);
  if (search === 'throw') return parentPort.postMessage({ id, error: 'Error: the index is damaged' });
  if (search === 'hang') return;
  if (search === 'stuck') for (;;);
  if (search.startsWith('slow')) {
    const until = Date.now() + 150;
    while (Date.now() < until);
  }
  parentPort.postMessage({ id, answer: { html: '<p>' + search + '</p>', title: String(now), address: '/search?' + search } });
});
`;

  it('starts a thread that died after answering again, and gives up after MAX_FAILURES', async () => {
    const threads = answerer(fakeThread('echo', ECHO));
    const before = Date.now();
    const got = await threads.answer('q=a');
    expect(got?.html).toBe('<p>q=a</p>');
    // The server's clock goes with every request.
    expect(Number(got?.title)).toBeGreaterThanOrEqual(before);
    await expect(threads.answer('throw')).rejects.toThrow('the index is damaged');
    await expect(threads.answer('exit')).rejects.toThrow('exited with code 3');
    expect((await threads.answer('q=b'))?.html).toBe('<p>q=b</p>');
    expect(threads.stats()).toMatchObject({ starts: 2, answered: 2, failed: 2, threads: 1 });
    for (let i = 1; i < MAX_FAILURES - 1; i++) {
      await expect(threads.answer('exit')).rejects.toThrow('exited');
      expect((await threads.answer('q=c'))?.html).toBe('<p>q=c</p>');
    }
    await expect(threads.answer('exit')).rejects.toThrow('exited');
    // MAX_FAILURES threads ended unasked: Next answers from now on.
    expect(await threads.answer('q=d')).toBeNull();
    expect(threads.stats()).toMatchObject({ starts: MAX_FAILURES, threads: 0 });
  });

  it('starts another thread only while every thread is busy, up to its number', async () => {
    const two = answerer(fakeThread('pool', ECHO), {}, { threads: 2 });
    expect((await two.answer('q=a'))?.html).toBe('<p>q=a</p>');
    expect((await two.answer('q=b'))?.html).toBe('<p>q=b</p>');
    // One search at a time: the one thread does.
    expect(two.stats()).toMatchObject({ starts: 1, threads: 1 });
    const together = await Promise.all(['slow1', 'slow2', 'slow3', 'slow4'].map((q) => two.answer(q)));
    expect(together.map((a) => a?.html)).toEqual(['<p>slow1</p>', '<p>slow2</p>', '<p>slow3</p>', '<p>slow4</p>']);
    expect(two.stats()).toMatchObject({ starts: 2, threads: 2, answered: 6 });
    const one = answerer(fakeThread('single', ECHO), {}, { threads: 1 });
    await Promise.all(['slow1', 'slow2', 'slow3'].map((q) => one.answer(q)));
    expect(one.stats()).toMatchObject({ starts: 1, threads: 1, answered: 3 });
  });

  it('does not try again a thread that never answered, and does not wait for ever', async () => {
    const broken = answerer(fakeThread('broken', "throw new Error('cannot load better-sqlite3');\n"));
    await expect(broken.answer('q=a')).rejects.toThrow('cannot load better-sqlite3');
    expect(await broken.answer('q=a')).toBeNull();
    expect(broken.stats()).toMatchObject({ starts: 1, failed: 1, declined: 1 });
    const slow = answerer(fakeThread('slow', ECHO), {}, { timeoutMs: 200 });
    const hung = slow.answer('stuck');
    const behind = slow.answer('q=behind').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await expect(hung).rejects.toThrow('did not answer in 0.2 s');
    // The stuck thread is stopped (what waited behind the search goes to Next), and a new one answers.
    expect(await behind).toMatch(/stopped after 0.2 s|did not answer/);
    expect((await slow.answer('q=e'))?.html).toBe('<p>q=e</p>');
    expect(slow.stats()).toMatchObject({ starts: 2, threads: 1, answered: 1, failed: 2 });
  });
});
