import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';

const root = path.resolve(__dirname, '..');
let corpus: Corpus;

beforeEach(() => {
  corpus = makeCorpus();
});
afterEach(() => {
  corpus.cleanup();
});

// Runs the script the way `npm run content:check` does, so the @/ alias is proven under tsx too.
function check(env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/content-check.ts'],
    {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: corpus.dir, SITE_TIMEZONE: 'Asia/Shanghai', ...env },
      encoding: 'utf8',
    },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run content:check', () => {
  it('exits 0 with a summary when the content is clean', () => {
    corpus.write('a.md', article({ date: '2021-12-01' }));
    corpus.write('_drafts/b.md', article({ date: '2021-12-02' }));
    const { code, out } = check();
    expect(out).toContain('1 article, 1 draft, 0 problems');
    expect(code).toBe(0);
  });

  it('lists every problem on its own line and exits 1, warnings included', () => {
    corpus.write('a.md', article({ date: '2021-12-01' }));
    corpus.write('no-date.md', article({}));
    corpus.write('bad-image.md', article({ date: '2021-12-01', extra: ["thumbnail: 'javascript:alert(1)'"] }));
    const { code, out } = check();
    const lines = out.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^no-date\.md: date: missing: .*\(file left out\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^bad-image\.md: thumbnail: "javascript:alert\(1\)" is not/));
    expect(lines.at(-1)).toBe('2 articles, 0 drafts, 2 problems, 1 file left out');
    expect(code).toBe(1);

    corpus.remove('no-date.md');
    expect(check().code).toBe(1);
  });

  it('explains a bad setting instead of checking with it', () => {
    const { code, err } = check({ SITE_TIMEZONE: 'Mars/Olympus' });
    expect(err).toContain('SITE_TIMEZONE');
    expect(code).toBe(2);
  });
});
