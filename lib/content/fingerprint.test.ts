import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSources } from './fingerprint';

describe('the code that decides a full re-index', () => {
  const files = indexSources().map((f) => path.relative(process.cwd(), f).split(path.sep).join('/'));

  it('is what the index step runs: parsing, rendering, search documents, related-reading features', () => {
    for (const file of [
      'lib/content/compile.ts',
      'lib/content/front-matter.ts',
      'lib/content/index-rows.ts',
      'lib/content/features.ts',
      'lib/search/documents.ts',
      'lib/search/fold.ts',
      'lib/search/tokenize.ts',
      'lib/render/pipeline.ts',
    ])
      expect(files, file).toContain(file);
  });

  it('leaves out what only reads the index (query planning and ranking, pages, tests)', () => {
    for (const file of [
      'lib/search/run-query.ts',
      'lib/search/plan-query.ts',
      'lib/search/service.ts',
      // The related-reading lookup: it reads the features the build stored.
      'lib/content/related.ts',
      // Named by the index step only in type imports, which do not run.
      'lib/content/index.ts',
    ])
      expect(files, file).not.toContain(file);
    expect(files.filter((f) => f.startsWith('app/') || /\.test\.tsx?$/.test(f))).toEqual([]);
  });
});
