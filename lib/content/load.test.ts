import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readArticleBody } from './body';
import { loadContent } from './load';
import { formatProblem } from './problems';
import { article, makeCorpus, type Corpus } from '@/test/content-corpus';

// The real analyser, except on a body carrying a marker, where it fails as a buggy one might.
vi.mock('@/lib/render/analyze', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/render/analyze')>();
  return {
    ...actual,
    analyzeArticle: (body: string, ...rest: Parameters<typeof actual.analyzeArticle> extends [string, ...infer R] ? R : never) => {
      if (body.includes('analyser-breaks-here')) throw new Error('analyser bug');
      return actual.analyzeArticle(body, ...rest);
    },
  };
});

const SH = 'Asia/Shanghai';
let corpus: Corpus;

beforeEach(() => {
  corpus = makeCorpus();
});
afterEach(() => {
  corpus.cleanup();
});

const load = (timeZone = SH) => loadContent({ dir: corpus.dir, timeZone });
const only = () => {
  const { articles, problems } = load();
  expect(problems).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0]!;
};

describe('loadContent: the reference format', () => {
  it('reads a file shaped like the scraped reference into a complete record', () => {
    corpus.write(
      '微信打开淘宝.txt',
      article({ title: '微信打开淘宝', date: 'Wed, 01 Dec 2021 10:52:00 GMT', categories: ['新媒体', '虎嗅', '首页资讯'], author: '虎嗅' }),
    );
    const a = only();
    expect(a).toMatchObject({
      slug: '微信打开淘宝',
      title: '微信打开淘宝',
      date: '2021-12-01T10:52:00.000Z',
      categories: ['新媒体', '虎嗅', '首页资讯'],
      tags: [],
      author: '虎嗅',
      headimg: 'https://img.example.com/article/202112/01/street.jpg?imageView2/2/w/1000',
      comments: false,
      draft: false,
      file: '微信打开淘宝.txt',
    });
    expect(a.toc.map((t) => t.text)).toEqual(['一把扳手，三十年']);
    expect(a.excerpt).toContain('老张的修车铺开在城墙根下');
    expect(a.excerpt).not.toContain('本文来自');
    expect(a.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(a.firstImage).toMatchObject({ src: 'https://img.example.com/article/202112/01/wrench.jpg', width: 800, height: 600 });
    expect(a.body).toMatch(/^<div>/);
  });

  it('loads .md, .markdown, .html, .htm and .txt, and nothing else', () => {
    for (const ext of ['md', 'markdown', 'html', 'htm', 'txt']) corpus.write(`a-${ext}.${ext}`, article({ date: '2021-12-01' }));
    corpus.write('upper.MD', article({ date: '2021-12-01' }));
    corpus.write('notes.json', '{}');
    corpus.write('cover.png', 'not an image');
    expect(load().articles.map((a) => a.file).sort()).toEqual(['a-htm.htm', 'a-html.html', 'a-markdown.markdown', 'a-md.md', 'a-txt.txt', 'upper.MD']);
  });

  it('walks sub-folders but skips dotfiles, dot-folders and node_modules', () => {
    corpus.write('2021/12/deep.md', article({ date: '2021-12-01' }));
    corpus.write('.hidden.md', article({ date: '2021-12-01' }));
    corpus.write('.git/x.md', article({ date: '2021-12-01' }));
    corpus.write('node_modules/pkg/readme.md', article({ date: '2021-12-01' }));
    expect(load().articles.map((a) => a.file)).toEqual(['2021/12/deep.md']);
  });

  it('reads a UTF-8 BOM and Windows line endings', () => {
    corpus.write('crlf.md', '\ufeff' + article({ date: '2021-12-01 08:00' }).replace(/\n/g, '\r\n'));
    expect(only()).toMatchObject({ title: '城墙根下的修车铺', date: '2021-12-01T00:00:00.000Z' });
  });

  it('sorts newest first, then by slug', () => {
    corpus.write('b.md', article({ date: '2021-12-01' }));
    corpus.write('a.md', article({ date: '2021-12-01' }));
    corpus.write('c.md', article({ date: '2021-12-02' }));
    corpus.write('d.md', article({ date: '2020-01-01' }));
    expect(load().articles.map((a) => a.slug)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('loadContent: dates as YAML delivers them', () => {
  const dateOf = (date: string, timeZone = SH) => {
    corpus.write('x.md', article({ date }));
    const { articles, problems } = load(timeZone);
    return { date: articles[0]?.date ?? null, problems };
  };

  it('reads an unquoted zoneless timestamp as wall time in the site zone, not UTC', () => {
    expect(dateOf('2021-12-01 18:52:00').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('2021-12-01T18:52:00').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('2021-12-01 18:52:00', 'UTC').date).toBe('2021-12-01T18:52:00.000Z');
  });

  it('reads an unquoted day as midnight in the site zone', () => {
    expect(dateOf('2021-12-01').date).toBe('2021-11-30T16:00:00.000Z');
  });

  it('keeps the zone of an unquoted timestamp that has one', () => {
    expect(dateOf('2021-12-01T10:52:00Z').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('2021-12-01 18:52:00 +08:00').date).toBe('2021-12-01T10:52:00.000Z');
  });

  it("reads quoted strings, Hexo's slashed form and epoch numbers", () => {
    expect(dateOf("'2021-12-01 18:52'").date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('2021/12/01 18:52:00').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('1638355920').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('1638355920000').date).toBe('2021-12-01T10:52:00.000Z');
    expect(dateOf('"1638355920"').date).toBe('2021-12-01T10:52:00.000Z');
  });

  it('does not let YAML roll an impossible unquoted day into the next month: it warns and falls back', () => {
    const { date, problems } = dateOf('2021-02-30');
    expect(date).not.toBe('2021-03-01T16:00:00.000Z');
    expect(problems[0]).toEqual({ file: 'x.md', field: 'date', reason: expect.stringContaining('"2021-02-30"'), excluded: false });
  });
});

describe('loadContent: problems name the file and field, and never throw', () => {
  const problemsFor = (text: string | Buffer, file = 'broken.md') => {
    corpus.write('good.md', article({ date: '2021-12-01' }));
    corpus.write(file, text);
    const { articles, problems } = load();
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
    return problems;
  };

  it('bad YAML: names the line', () => {
    const text = article({ date: '2021-12-01', extra: ['tags: [一, 二'] });
    const problems = problemsFor(text);
    expect(problems).toEqual([{ file: 'broken.md', field: null, reason: expect.stringMatching(/^bad YAML front matter at line \d+/), excluded: true }]);
    const line = Number(/line (\d+)/.exec(problems[0]!.reason)?.[1]);
    expect(text.split('\n')[line - 1]).toMatch(/tags|---/);
  });

  it('missing title and empty title: kept, titled from the first heading or the file name, with a warning', () => {
    const kept = (text: string, file = 'x.md') => {
      corpus.write(file, text);
      const { articles, problems } = load();
      corpus.remove(file);
      return { article: articles.find((a) => a.file === file), problems: problems.filter((p) => p.file === file) };
    };
    const untitled = kept(article({ date: '2021-12-01', paragraphs: ['没有小标题的正文。'] }).replace(/^title:.*$/m, '').replace(/<h3[^>]*>.*?<\/h3>/g, ''));
    expect(untitled.article?.title).toBe('x');
    expect(untitled.problems).toEqual([{ file: 'x.md', field: 'title', reason: expect.stringContaining('from the file name'), excluded: false }]);
    const headed = kept("---\ntitle: '  '\ndate: 2021-12-01\n---\n<h2>第一节</h2><p>正文。</p>\n");
    expect(headed.article?.title).toBe('第一节');
    expect(headed.problems[0]?.reason).toContain('from the first heading');
  });

  it('missing date: the Jekyll file name dates it, else the file time, with a warning; unreadable dates warn', () => {
    corpus.write('2019-04-04-hello-world.md', article({}));
    corpus.write('nodate.md', article({}));
    corpus.write('garbled.md', article({ date: '上个月' }));
    const { articles, problems } = load();
    const byFile = new Map(articles.map((a) => [a.file, a]));
    expect(byFile.get('2019-04-04-hello-world.md')).toMatchObject({ slug: 'hello-world', date: '2019-04-03T16:00:00.000Z' });
    expect(problems.filter((p) => p.file === '2019-04-04-hello-world.md')).toEqual([]);
    const mtime = fs.statSync(path.join(corpus.dir, 'nodate.md')).mtime.toISOString();
    expect(byFile.get('nodate.md')?.date).toBe(mtime);
    expect(problems.find((p) => p.file === 'nodate.md')).toEqual({ file: 'nodate.md', field: 'date', reason: expect.stringContaining("file's modification time"), excluded: false });
    expect(problems.filter((p) => p.file === 'garbled.md').map((p) => p.reason)).toEqual([
      expect.stringContaining('"上个月" is not a readable date'),
      expect.stringContaining("file's modification time"),
    ]);
    expect(byFile.has('garbled.md')).toBe(true);
  });

  it('empty body', () => {
    expect(problemsFor("---\ntitle: '空'\ndate: 2021-12-01\n---\n\n   \n")).toEqual([
      { file: 'broken.md', field: null, reason: expect.stringContaining('body is empty'), excluded: true },
    ]);
    expect(problemsFor("---\ntitle: '空'\ndate: 2021-12-01\n---\n<div> <p> </p> </div>\n")).toEqual([
      { file: 'broken.md', field: null, reason: expect.stringContaining('no readable text or images'), excluded: true },
    ]);
  });

  it('a body the analyser chokes on', () => {
    expect(problemsFor(article({ date: '2021-12-01', paragraphs: ['analyser-breaks-here'] }))).toEqual([
      { file: 'broken.md', field: null, reason: expect.stringContaining('could not be read as HTML: Error: analyser bug'), excluded: true },
    ]);
  });

  it('a file with no front matter at all is kept, titled by its name and dated by its time, saying so', () => {
    corpus.write('plain.html', '<p>只有正文</p>');
    const { articles, problems } = load();
    expect(articles.find((a) => a.file === 'plain.html')?.title).toBe('plain');
    expect(problems.map((p) => [p.file, p.field, p.excluded])).toEqual([
      ['plain.html', 'date', false],
      ['plain.html', 'title', false],
    ]);
  });

  it('a file that is not UTF-8, and a link to nowhere', () => {
    expect(problemsFor(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]))).toEqual([
      { file: 'broken.md', field: null, reason: expect.stringContaining('not UTF-8'), excluded: true },
    ]);
    corpus.remove('broken.md');
    fs.symlinkSync(path.join(corpus.dir, 'missing-target.md'), path.join(corpus.dir, 'dangling.md'));
    const { problems } = load();
    expect(problems).toEqual([{ file: 'dangling.md', field: null, reason: 'broken symbolic link', excluded: true }]);
  });

  it('a bad image URL is a warning: the article stays, the image goes', () => {
    corpus.write('x.md', article({ date: '2021-12-01' }).replace(/^headimg:.*$/m, "headimg: 'javascript:alert(1)'"));
    const { articles, problems } = load();
    expect(articles[0]?.headimg).toBeNull();
    expect(problems).toEqual([{ file: 'x.md', field: 'headimg', reason: expect.stringContaining('javascript:alert(1)'), excluded: false }]);
    expect(formatProblem(problems[0]!)).toMatch(/^x\.md: headimg: "javascript:alert\(1\)" is not/);
  });

  it('a missing content folder is reported, not thrown', () => {
    const { articles, problems } = loadContent({ dir: path.join(corpus.dir, 'nope'), timeZone: SH });
    expect(articles).toEqual([]);
    expect(problems).toEqual([{ file: '.', field: null, reason: expect.stringContaining('cannot read the content folder'), excluded: false }]);
  });

  it('formats a problem as one line: file, field, reason', () => {
    expect(formatProblem({ file: 'a/b.md', field: 'date', reason: 'missing', excluded: true })).toBe('a/b.md: date: missing (file left out)');
    expect(formatProblem({ file: 'a/b.md', field: null, reason: 'the body is empty', excluded: true })).toBe('a/b.md: the body is empty (file left out)');
  });
});

describe('loadContent: slugs', () => {
  it('uses the file name, normalized, or the slug field', () => {
    corpus.write('Hello World!.md', article({ date: '2021-12-01' }));
    corpus.write('另一篇.html', article({ date: '2021-12-02', extra: ["slug: 'My Own Slug'"] }));
    expect(load().articles.map((a) => a.slug)).toEqual(['my-own-slug', 'hello-world']);
  });

  it('keeps the first file by path on a clash and names both files in the problem', () => {
    corpus.write('b/同名.md', article({ title: '后来的', date: '2021-12-02' }));
    corpus.write('a/同名.html', article({ title: '先来的', date: '2021-12-01' }));
    corpus.write('c.md', article({ date: '2021-12-01', extra: ['slug: 同名'] }));
    const { articles, problems } = load();
    expect(articles.map((a) => [a.slug, a.title])).toEqual([['同名', '先来的']]);
    expect(problems).toEqual([
      { file: 'b/同名.md', field: null, reason: expect.stringContaining('already used by a/同名.html'), excluded: true },
      { file: 'c.md', field: null, reason: expect.stringContaining('already used by a/同名.html'), excluded: true },
    ]);
  });

  it('treats names that differ only in case or punctuation as a clash', () => {
    corpus.write('Hello World.md', article({ date: '2021-12-01' }));
    corpus.write('hello-world.html', article({ date: '2021-12-01' }));
    const { articles, problems } = load();
    expect(articles.map((a) => a.file)).toEqual(['Hello World.md']);
    expect(problems[0]?.reason).toContain('"hello-world" is already used by Hello World.md');
  });

  it('never lets a draft take a published article\'s slug, even when its path sorts first', () => {
    corpus.write('_drafts/story.md', article({ title: '草稿', date: '2021-12-01' }));
    corpus.write('story.md', article({ title: '正式', date: '2021-12-01' }));
    const { articles, problems } = load();
    expect(articles.map((a) => [a.title, a.draft])).toEqual([['正式', false]]);
    expect(problems).toEqual([{ file: '_drafts/story.md', field: null, reason: expect.stringContaining('already used by story.md'), excluded: true }]);
  });

  it('refuses a file whose name leaves no slug and has no slug field', () => {
    corpus.write('？？.md', article({ date: '2021-12-01' }));
    corpus.write('!!!.md', article({ date: '2021-12-01' }));
    const { articles, problems } = load();
    expect(articles.map((a) => a.slug)).toEqual(['？？']);
    expect(problems).toEqual([{ file: '!!!.md', field: 'slug', reason: expect.stringContaining('rename the file or add a slug'), excluded: true }]);
  });
});

describe('loadContent: drafts', () => {
  it('marks files under _drafts/ and files with draft: true or published: false', () => {
    corpus.write('_drafts/a.md', article({ date: '2021-12-01' }));
    corpus.write('b.md', article({ date: '2021-12-01', extra: ['draft: true'] }));
    corpus.write('c.md', article({ date: '2021-12-01', extra: ['published: false'] }));
    corpus.write('d.md', article({ date: '2021-12-01' }));
    expect(Object.fromEntries(load().articles.map((a) => [a.slug, a.draft]))).toEqual({ a: true, b: true, c: true, d: false });
  });
});

describe('readArticleBody', () => {
  it('reads the current body, or null when the file is gone', () => {
    corpus.write('x.md', article({ date: '2021-12-01', paragraphs: ['第一版'] }));
    expect(readArticleBody(corpus.dir, 'x.md')).toContain('第一版');
    corpus.remove('x.md');
    expect(readArticleBody(corpus.dir, 'x.md')).toBeNull();
  });
});
