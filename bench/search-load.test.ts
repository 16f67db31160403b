import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchSearch, DISTINCT_ASKED, formatSearchBench, QUERY_MIX } from './search-load';
import { compileSiteIndex } from '@/lib/content/compile';
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
    expect(result.distinct.samples).toBe(DISTINCT_ASKED);
    expect(result.distinct.p95).toBeGreaterThanOrEqual(result.distinct.p50);
    expect(result.distinct.p50).toBeGreaterThan(0);
    expect(result.indexMiB).toBeLessThan(50);
    expect(result.perQuery.find((q) => q.query === '微信')?.hits).toBeGreaterThan(0);
    expect(result.perQuery.find((q) => q.query === '火星文')?.hits).toBe(0);
    expect(logs.some((l) => l.includes('compiling'))).toBe(true);
    expect(formatSearchBench(result)).toMatch(/query p95 .* target < 20 ms/);
    expect(formatSearchBench(result)).toMatch(/index (build|file) /);
    expect(formatSearchBench(result)).toMatch(/distinct queries +p50 [\d.]+ ms, p95 [\d.]+ ms/);
  }, 120_000);

  it('opens the index file a build wrote instead, and reports its size and open time', async () => {
    const indexFile = path.join(dir, '..', `${path.basename(dir)}-site.db`);
    try {
      compileSiteIndex({ dir, timeZone: 'Asia/Shanghai', dbFile: indexFile });
      const logs: string[] = [];
      const result = await benchSearch({ dir, indexFile, rounds: 2, print: false, log: (m) => logs.push(m) });
      expect(result.buildMs).toBeNull();
      expect(result.file?.MiB).toBeGreaterThan(0);
      expect(result.file?.loadMs).toBeGreaterThanOrEqual(0);
      expect(logs.some((l) => l.startsWith('opening'))).toBe(true);
      expect(result.perQuery.find((q) => q.query === '微信')?.hits).toBeGreaterThan(0);
      expect(formatSearchBench(result)).toMatch(/index file .* MiB \(SQLite, \d+ documents\), opened in \d+ ms/);
    } finally {
      fs.rmSync(indexFile, { force: true });
    }
  }, 120_000);
});
