import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchBodyFormats } from './body-formats';
import { generateCorpus } from './generate-corpus';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-formats-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('benchBodyFormats', () => {
  it('times every body by the format the loader decides, and the whole index', async () => {
    const dir = path.join(root, 'corpus');
    await generateCorpus({ dir, count: 40, seed: 7 });
    // A file the loader leaves out is not timed.
    fs.writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n正文');
    const r = benchBodyFormats({ dir, timeZone: 'Asia/Shanghai', warmup: 2 });
    expect(r.files).toBe(40);
    expect(r.byFormat.html?.files).toBe(20);
    expect(r.byFormat.markdown?.files).toBe(20);
    for (const f of [r.byFormat.html!, r.byFormat.markdown!]) {
      expect(f.meanKiB).toBeGreaterThan(2);
      expect(f.meanMs).toBeGreaterThan(0);
      expect(f.p95Ms).toBeGreaterThanOrEqual(f.p50Ms);
      expect(f.MiBps).toBeGreaterThan(0);
    }
    expect(r.markdownOverHtml).toBeGreaterThan(0);
    expect(r.indexSeconds).toBeGreaterThan(0);
  });
});
