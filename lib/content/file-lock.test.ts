import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';

const root = path.resolve(__dirname, '..', '..');
let corpus: Corpus;
let lock: string;

beforeEach(() => {
  corpus = makeCorpus();
  lock = path.join(corpus.dir, 'cache', 'index.json.lock');
});
afterEach(() => {
  corpus.cleanup();
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('runs the work, returns its value and leaves no lock behind', () => {
    expect(withFileLock(lock, () => fs.existsSync(lock))).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work throws', () => {
    expect(() =>
      withFileLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that died', () => {
    corpus.write('cache/index.json.lock', JSON.stringify({ pid: deadPid(), startTime: null, createdAt: new Date().toISOString() }));
    expect(withFileLock(lock, () => 'ran', { timeoutMs: 60_000 })).toBe('ran');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('runs anyway after the timeout when a live holder never lets go, leaving its lock alone', () => {
    corpus.write('cache/index.json.lock', JSON.stringify({ pid: process.ppid, startTime: null, createdAt: new Date().toISOString() }));
    expect(withFileLock(lock, () => 'ran', { timeoutMs: 200, pollMs: 20 })).toBe('ran');
    expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.ppid });
  });

  it('runs without a lock where none can be made', () => {
    corpus.write('blocker', 'a file, not a folder');
    expect(withFileLock(path.join(corpus.dir, 'blocker', 'x.lock'), () => 'ran')).toBe('ran');
  });
});

describe('parallel build workers', () => {
  it('parse the corpus once between them: one compiles the index file, the other waits and finds nothing left to parse', async () => {
    for (let i = 0; i < 40; i++) corpus.write(`a-${i}.md`, article({ title: `第${i}篇`, date: `2021-12-${String((i % 28) + 1).padStart(2, '0')}` }));
    const dbFile = path.join(corpus.dir, '.cache', 'site.db');
    const go = path.join(corpus.dir, '.go');
    // Each worker loads the code, announces itself, waits for the starting gun, then builds with a
    // slowed-down parser (so the two builds overlap) and prints how many files it parsed.
    const program = `
      const fs = require('node:fs');
      const nap = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      import(${JSON.stringify(path.join(root, 'lib', 'content', 'index.ts'))}).then((m) => {
        // tsx loads the module as CommonJS here (the package is not "type": "module").
        const { buildContentIndex } = m.buildContentIndex ? m : m.default;
        fs.writeFileSync(process.argv[1] + '.ready-' + process.pid, '');
        while (!fs.existsSync(process.argv[1])) nap(5);
        let parsed = 0;
        const index = buildContentIndex({
          dir: ${JSON.stringify(corpus.dir)}, timeZone: 'Asia/Shanghai', dbFile: ${JSON.stringify(dbFile)},
          onParse: () => { parsed++; nap(10); },
        });
        process.stdout.write(JSON.stringify({ parsed, published: index.latest(1e9).length }));
      });`;
    const run = () =>
      new Promise<{ parsed: number; published: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', program, go], { cwd: root });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { parsed: number; published: number }) : reject(new Error(err))));
      });
    const workers = [run(), run()];
    const ready = () => fs.readdirSync(corpus.dir).filter((f) => f.startsWith('.go.ready-')).length;
    const deadline = Date.now() + 20_000;
    while (ready() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(go, '');
    const results = await Promise.all(workers);
    expect(results.map((r) => r.published)).toEqual([40, 40]);
    expect(results.map((r) => r.parsed).sort((a, b) => a - b)).toEqual([0, 40]);
  });
});
