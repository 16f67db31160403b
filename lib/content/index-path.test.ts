import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFolderName, siteIndexFile } from './index-path.mjs';

describe('where the site index lives', () => {
  it('beside the build folder, named after it, so side-by-side builds keep their own', () => {
    expect(siteIndexFile('.next')).toBe(path.join('.hutong', 'next', 'site.db'));
    expect(indexFolderName('.bench/next-10000')).toBe('bench-next-10000');
    expect(indexFolderName('.e2e/next-schedule/')).toBe('e2e-next-schedule');
    // An absolute build folder names the same index as the relative one.
    expect(indexFolderName(path.resolve('.bench/next-10000'))).toBe('bench-next-10000');
    // Nothing that climbs out or hides.
    expect(indexFolderName('../../etc')).toBe('etc');
    expect(indexFolderName('..')).toBe('next');
  });
});
