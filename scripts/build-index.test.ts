// The index step's worker threads: every file is prepared once, whatever the number of batches, and the
// step ends when the last batch is written. Run in a child process of its
// own: worker threads load the TypeScript worker through tsx, which does not run inside Vitest's loader.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';

let corpus: Corpus;
afterEach(() => corpus?.cleanup());

function folderOf(count: number): string[] {
  corpus = makeCorpus();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `2024/第${i}篇.md`;
    corpus.write(file, article({ title: `第${i}篇`, date: `2024-03-01 08:${String(i % 60).padStart(2, '0')}` }));
    files.push(file);
  }
  return files;
}

/** Runs workerPrepare(2) over `files`; `failAt`: the batch whose writing throws. */
function prepareOnThreads(files: string[], failAt?: number): { batches: number; files: string[]; error?: string } {
  const script = `(async () => {
    // The script compiles to CommonJS (the package is not "type": "module"): its exports sit on default.
    const loaded = await import(${JSON.stringify(path.resolve('scripts/build-index.ts'))});
    const { workerPrepare } = loaded.default ?? loaded;
    const [dir, list, failAt] = JSON.parse(process.argv[1]);
    const seen = [];
    let batches = 0;
    try {
      await workerPrepare(2)(dir, list, 'Asia/Shanghai', (batch) => {
        batches += 1;
        if (batches === failAt) throw new Error('disk full');
        for (const item of batch) seen.push('problem' in item ? 'problem: ' + item.problem.reason : item.file);
      });
      console.log(JSON.stringify({ batches, files: seen }));
    } catch (error) {
      console.log(JSON.stringify({ batches, files: seen, error: error.message }));
    }
  })();`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '-e', script, JSON.stringify([corpus.dir, files, failAt ?? 0])],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

describe('workerPrepare', () => {
  // 128: two batches, one per thread; 130: three; 300: five; 1,100: eighteen, more than both threads hold
  // at first (eight each), so the last two are handed out as results come back.
  it.each([128, 130, 300, 1100])(
    'prepares each of %i files once on two threads, then ends',
    (count) => {
      const files = folderOf(count);
      const result = prepareOnThreads(files);
      expect(result.error).toBeUndefined();
      expect(result.batches).toBe(Math.ceil(count / 64));
      expect(result.files.sort()).toEqual([...files].sort());
    },
    60_000,
  );

  it('stops with the error the writing side throws', () => {
    const result = prepareOnThreads(folderOf(300), 2);
    expect(result.error).toBe('disk full');
  }, 60_000);
});
