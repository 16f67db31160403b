import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolder, indexFolderName, siteIndexFile, storedDir } from './index-path.mjs';

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

describe('the content folder, as everything that reads it resolves it', () => {
  it('is CONTENT_DIR from the working directory, trimmed, content/ by default', () => {
    expect(contentFolder({})).toBe(path.resolve('content'));
    expect(contentFolder({ CONTENT_DIR: '  ' })).toBe(path.resolve('content'));
    expect(contentFolder({ CONTENT_DIR: ' posts/2024 ' })).toBe(path.resolve('posts/2024'));
    expect(contentFolder({ CONTENT_DIR: '/srv/site/source/_posts' })).toBe('/srv/site/source/_posts');
  });

  it('is recorded in an index file relative to the working directory', () => {
    expect(storedDir(path.resolve('content'))).toBe('content');
    expect(storedDir('content/')).toBe('content');
    expect(storedDir(process.cwd())).toBe('.');
  });
});
