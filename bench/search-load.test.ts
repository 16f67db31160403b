import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchSearch, formatSearchBench, QUERY_MIX } from './search-load';
import { buildSearchIndexFile } from '../scripts/build-search-index';
import { generateCorpus } from './generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-search-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('benchSearch', () => {
  it('indexes a corpus and reports latency percentiles and index memory', async () => {
    await generateCorpus({ dir, count: 40, seed: 7 });
    const logs: string[] = [];
    const result = await benchSearch({ dir, rounds: 2, print: false, log: (m) => logs.push(m) });
    expect(result.articles).toBeGreaterThan(30);
    expect(result.samples).toBe(QUERY_MIX.length * 2);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p95).toBeGreaterThanOrEqual(result.p50);
    expect(result.indexMiB).toBeGreaterThan(0);
    expect(result.perQuery.find((q) => q.query === '微信')?.hits).toBeGreaterThan(0);
    expect(result.perQuery.find((q) => q.query === '火星文')?.hits).toBe(0);
    expect(logs.some((l) => l.includes('indexing'))).toBe(true);
    expect(formatSearchBench(result)).toMatch(/query p95 .* target < 20 ms/);
    expect(formatSearchBench(result)).toMatch(/index build .* in memory \(no index file\)/);
  }, 120_000);

  it('loads the index file a build wrote instead, and reports its size and load time', async () => {
    const indexFile = path.join(dir, '..', `${path.basename(dir)}-index.bin`);
    try {
      await buildSearchIndexFile({
        out: indexFile,
        contentDir: dir,
        timeZone: 'Asia/Shanghai',
        contentCache: null,
        log: () => undefined,
      });
      const logs: string[] = [];
      const result = await benchSearch({ dir, indexFile, rounds: 2, print: false, log: (m) => logs.push(m) });
      expect(result.buildMs).toBeNull();
      expect(result.file?.MiB).toBeGreaterThan(0);
      expect(result.file?.loadMs).toBeGreaterThanOrEqual(0);
      expect(logs.some((l) => l.startsWith('loading'))).toBe(true);
      expect(result.perQuery.find((q) => q.query === '微信')?.hits).toBeGreaterThan(0);
      expect(formatSearchBench(result)).toMatch(/index file .* MiB, loaded in \d+ ms/);
    } finally {
      fs.rmSync(indexFile, { force: true });
    }
  }, 120_000);
});
