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
function check(env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/content-check.ts', ...args],
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
    expect(out).toContain('1 article, 1 draft, 0 warnings, 0 left out');
    expect(code).toBe(0);
  });

  it('lists the schedule: articles dated in the future, soonest first, with their address and time left', () => {
    corpus.write('a.md', article({ date: '2021-12-01' }));
    corpus.write('later.md', article({ title: '以后', date: '2099-06-01 08:00' }));
    corpus.write('sooner.md', article({ title: '先发', date: '2098-01-01 08:00:00 +0800' }));
    corpus.write('_drafts/future-draft.md', article({ date: '2097-01-01' }));
    const { code, out } = check();
    const lines = out.trim().split('\n');
    const at = lines.indexOf('Scheduled (2 articles, soonest first; each goes live by itself at its time):');
    expect(at).toBeGreaterThan(-1);
    // "in N days M hours", the hours left out when there are none (run within the hour before midnight UTC).
    expect(lines[at + 1]).toMatch(
      /^ {2}2098-01-01T08:00:00\+08:00 {2}in \d+ days(?: \d+ hours?)? {2}\/articles\/sooner {2}\(sooner\.md\)$/,
    );
    expect(lines[at + 2]).toMatch(
      /^ {2}2099-06-01T08:00:00\+08:00 {2}in \d+ days.*\/articles\/later {2}\(later\.md\)$/,
    );
    expect(lines.at(-1)).toBe('3 articles (2 scheduled), 1 draft, 0 warnings, 0 left out');
    expect(code).toBe(0);
  });

  it('lists every problem on its own line; exits 1 when a file is left out, or on a warning with --strict', () => {
    corpus.write('a.md', article({ date: '2021-12-01' }));
    corpus.write('bad-draft-flag.md', article({ date: '2021-12-01', extra: ['draft: perhaps'] }));
    corpus.write('bad-image.md', article({ date: '2021-12-01', extra: ["thumbnail: 'javascript:alert(1)'"] }));
    const { code, out } = check();
    const lines = out.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^bad-draft-flag\.md: draft: must be true or false.*\(file left out\)$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^bad-image\.md: thumbnail: "javascript:alert\(1\)" is not/));
    expect(lines.at(-1)).toBe('2 articles, 0 drafts, 1 warning, 1 left out');
    expect(code).toBe(1);

    corpus.remove('bad-draft-flag.md');
    expect(check().code).toBe(0);
    expect(check({}, ['--strict']).code).toBe(1);
  });

  it('reads a Hexo site’s source folder: every file kept or warned, one summary line, and one line per file with --verbose', () => {
    const { code, out } = check({ CONTENT_DIR: path.join(root, 'test/fixtures/hexo-site/source') }, ['--verbose']);
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toBe('16 articles, 1 draft, 4 warnings, 0 left out');
    expect(lines).toContainEqual(
      '✓ _posts/hutong-markdown-walk.md → /articles/hutong-markdown-walk (markdown); ignored keys: layout, toc',
    );
    expect(lines).toContainEqual(
      `✓ _posts/新媒体/胡同志/首页资讯/菜市场的早晨七点.md → /articles/${encodeURIComponent('菜市场的早晨七点')} (html)`,
    );
    expect(lines).toContainEqual('✓ _posts/broken-quotes.md → /articles/broken-quotes (markdown, 1 warning)');
    expect(lines).toContainEqual(
      `✓ _drafts/还没写完.md → /articles/${encodeURIComponent('还没写完')} (markdown, draft)`,
    );
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(code).toBe(0);
  });

  it('explains a bad setting instead of checking with it', () => {
    const { code, err } = check({ SITE_TIMEZONE: 'Mars/Olympus' });
    expect(err).toContain('SITE_TIMEZONE');
    expect(code).toBe(2);
  });
});
