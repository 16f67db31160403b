// `npm run build`'s index step runs as an esbuild bundle (scripts/build.mjs, bundleIndexStep): it must
// write the same index the TypeScript sources do — worker threads, jieba's dictionary and SQLite's native
// module included — from a temporary folder outside the project, and keep drafts out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_PARSED_MESSAGE } from '@/lib/content/index-path.mjs';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';
// @ts-expect-error: plain JavaScript without declarations
import { bundleIndexStep } from './build.mjs';

let corpus: Corpus | undefined;
let bundle: string | undefined;
let out: string | undefined;
afterEach(() => {
  corpus?.cleanup();
  for (const dir of [bundle, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bundled index step', () => {
  it('indexes a folder on worker threads from outside the project, drafts left out, saying when all is parsed', async () => {
    corpus = makeCorpus();
    // 200 files: more than two batches of 64, so the step parses them on worker threads.
    for (let i = 0; i < 199; i++) {
      corpus.write(
        `2024/第${i}篇.md`,
        article({ title: `胡同里的第${i}家早点铺`, date: `2024-03-01 08:${String(i % 60).padStart(2, '0')}` }),
      );
    }
    corpus.write(
      '2024/草稿.md',
      article({ title: '还没写完的草稿', date: '2024-03-02 09:00', extra: ['published: false'] }),
    );

    bundle = (await bundleIndexStep(process.cwd())) as string;
    expect(bundle.startsWith(os.tmpdir())).toBe(true);
    expect(fs.readdirSync(bundle).sort()).toEqual([
      'build-index-worker.mjs',
      'build-index-worker.mjs.map',
      'build-index.mjs',
      'build-index.mjs.map',
    ]);

    out = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bundle-out-'));
    const dbFile = path.join(out, 'site.db');
    // As build.mjs runs it: with a channel, on which it says when every file is parsed (build.mjs then
    // starts `next build`), while it still holds the file's lock (next build's pages wait for it).
    const step = spawn(process.execPath, [path.join(bundle, 'build-index.mjs'), '--out', dbFile], {
      cwd: process.cwd(),
      env: { ...process.env, CONTENT_DIR: corpus.dir, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const told: Array<{ message: unknown; locked: boolean; indexed: boolean }> = [];
    step.on('message', (message) =>
      told.push({ message, locked: fs.existsSync(`${dbFile}.lock`), indexed: fs.existsSync(dbFile) }),
    );
    let log = '';
    step.stdout?.on('data', (chunk) => (log += String(chunk)));
    const code = await new Promise((resolve) => step.on('exit', resolve));
    expect(code).toBe(0);
    expect(log).toMatch(/199 articles \(200 files parsed, 0 unchanged from the previous build; 1 drafts kept out\)/);
    expect(told).toEqual([{ message: INDEX_PARSED_MESSAGE, locked: true, indexed: false }]);
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(false);

    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(199);
      const metas = db.prepare('SELECT meta FROM articles').pluck().all() as string[];
      expect(metas.some((meta) => meta.includes('胡同里的第42家早点铺'))).toBe(true);
      expect(metas.some((meta) => meta.includes('还没写完的草稿'))).toBe(false);
      // jieba's words of the titles (read from its dictionary next to the package) reached the related-reading features.
      expect(db.prepare("SELECT count(*) FROM features WHERE key = 'w:早点'").pluck().get()).toBe(199);
    } finally {
      db.close();
    }
  }, 120_000);
});
