import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseArticles, rememberRequested, writeCorpus } from './corpus';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-corpus-'));
const corpusDir = path.join(root, 'corpus');
const distDir = path.join(root, 'next');

beforeAll(async () => {
  await writeCorpus(corpusDir, 40, null);
  fs.mkdirSync(distDir);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('chooseArticles', () => {
  it('picks the newest article and the oldest one the build did not prerender', () => {
    const first = chooseArticles(corpusDir, distDir, 'Asia/Shanghai');
    expect(first.published).toBeGreaterThan(30);
    expect(first.newest.date > first.oldest.date).toBe(true);
    expect(first.prerenderedArticles).toBeNull();

    // A build that prerendered the newest and the oldest: the next-oldest is the on-demand one.
    fs.writeFileSync(
      path.join(distDir, 'prerender-manifest.json'),
      JSON.stringify({ routes: { [first.newest.path]: {}, [first.oldest.path]: {}, '/': {} } }),
    );
    const second = chooseArticles(corpusDir, distDir, 'Asia/Shanghai');
    expect(second.prerenderedArticles).toBe(2);
    expect(second.newest).toMatchObject({ slug: first.newest.slug, prerendered: true });
    expect(second.oldest.prerendered).toBe(false);
    expect(second.oldest.slug).not.toBe(first.oldest.slug);
    expect(second.oldest.date >= first.oldest.date).toBe(true);
  });

  it('never times a "first" request for an article an earlier run already rendered', () => {
    const before = chooseArticles(corpusDir, distDir, 'Asia/Shanghai');
    rememberRequested(distDir, [before.oldest.slug]);
    const after = chooseArticles(corpusDir, distDir, 'Asia/Shanghai');
    expect(after.oldest.slug).not.toBe(before.oldest.slug);
    expect(after.oldest.date >= before.oldest.date).toBe(true);
  });
});
