import { describe, expect, it } from 'vitest';
import { FrontMatterError, splitFrontMatter, yamlScalarText } from './front-matter';
import { validateFrontMatter } from './schema';

const SH = 'Asia/Shanghai';
const base = { title: '胡同里的早晨', date: '2021-12-01 08:00' };

describe('validateFrontMatter', () => {
  it('cleans a complete front matter', () => {
    const { frontMatter, problems } = validateFrontMatter(
      {
        title: '  胡同里的早晨 ',
        date: 'Wed, 01 Dec 2021 10:52:00 GMT',
        categories: [' 城市 ', '生活', '城市', ''],
        tags: '散步, 北京，早餐',
        author: ' 老北京 ',
        headimg: 'https://img.example.com/a.jpg?w=1000',
        thumbnail: '/images/a.jpg',
        comments: 'true',
        slug: 'Morning In Hutong',
      },
      SH,
    );
    expect(problems).toEqual([]);
    expect(frontMatter).toEqual({
      title: '胡同里的早晨',
      date: '2021-12-01T10:52:00.000Z',
      categories: ['城市', '生活'],
      tags: ['散步', '北京', '早餐'],
      author: '老北京',
      headimg: 'https://img.example.com/a.jpg?w=1000',
      thumbnail: '/images/a.jpg',
      comments: true,
      draft: false,
      slug: 'morning-in-hutong',
      updated: null,
      permalink: null,
      abbrlink: null,
      format: null,
      summary: null,
    });
  });

  it('fills defaults for optional fields', () => {
    const { frontMatter } = validateFrontMatter(base, SH);
    expect(frontMatter).toMatchObject({ categories: [], tags: [], author: null, headimg: null, thumbnail: null, comments: false, draft: false, slug: null });
  });

  it("flattens Hexo's nested category lists", () => {
    const { frontMatter } = validateFrontMatter({ ...base, categories: [['科技', '互联网'], '新媒体'] }, SH);
    expect(frontMatter?.categories).toEqual(['科技', '互联网', '新媒体']);
  });

  it('leaves a missing or empty title to the loader (which titles it from the body), and refuses a list', () => {
    for (const title of [undefined, null, '   ']) {
      const { frontMatter, problems } = validateFrontMatter({ ...base, title }, SH);
      expect(frontMatter?.title).toBe('');
      expect(problems).toEqual([]);
    }
    const list = validateFrontMatter({ ...base, title: ['a'] }, SH);
    expect(list.problems[0]).toEqual({ field: 'title', reason: expect.stringMatching(/must be text, got a list/), excluded: false });
    expect(list.frontMatter?.title).toBe('');
  });

  it('leaves a missing date to the loader, and warns about an unreadable one, saying which forms work', () => {
    const missing = validateFrontMatter({ title: 'x' }, SH);
    expect(missing.problems).toEqual([]);
    expect(missing.frontMatter?.date).toBeNull();
    const impossible = validateFrontMatter({ ...base, date: '2021-02-30' }, SH);
    expect(impossible.problems[0]).toMatchObject({ field: 'date', excluded: false });
    expect(impossible.problems[0]?.reason).toContain('"2021-02-30"');
    expect(impossible.problems[0]?.reason).toContain('RFC 1123');
    expect(impossible.frontMatter?.date).toBeNull();
  });

  it('reports every faulty field at once, and drops the file only for an unreadable draft flag', () => {
    const { problems, frontMatter } = validateFrontMatter({ title: ['x'], date: 'someday', draft: 'perhaps' }, SH);
    expect(problems.map((p) => [p.field, p.excluded])).toEqual([
      ['title', false],
      ['date', false],
      ['draft', true],
    ]);
    expect(frontMatter).toBeNull();
  });

  it('keeps only http(s) and site-relative image URLs, warning about the rest', () => {
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '//evil.example/a.jpg', '/\\evil.example/a.jpg', 'images/a.jpg', 'ftp://x/a.jpg']) {
      const { frontMatter, problems } = validateFrontMatter({ ...base, headimg: bad }, SH);
      expect(frontMatter?.headimg, bad).toBeNull();
      expect(problems, bad).toEqual([{ field: 'headimg', reason: expect.stringContaining('not an http(s)'), excluded: false }]);
    }
    const { frontMatter, problems } = validateFrontMatter({ ...base, thumbnail: 'HTTPS://img.example.com/a b.jpg', headimg: '' }, SH);
    expect(problems).toEqual([]);
    expect(frontMatter?.thumbnail).toBe('https://img.example.com/a%20b.jpg');
    expect(frontMatter?.headimg).toBeNull();
  });

  it('repairs a bad optional field and keeps the article', () => {
    const { frontMatter, problems } = validateFrontMatter({ ...base, comments: 'maybe', author: ['a', 'b'], tags: { a: 1 } }, SH);
    expect(frontMatter).toMatchObject({ title: '胡同里的早晨', comments: false, author: null, tags: [] });
    expect(problems.map((p) => [p.field, p.excluded])).toEqual([
      ['tags', false],
      ['author', false],
      ['comments', false],
    ]);
  });

  it('treats draft: true and published: false as drafts, and refuses an unreadable draft flag', () => {
    expect(validateFrontMatter({ ...base, draft: true }, SH).frontMatter?.draft).toBe(true);
    expect(validateFrontMatter({ ...base, published: false }, SH).frontMatter?.draft).toBe(true);
    expect(validateFrontMatter({ ...base, published: 'no' }, SH).frontMatter?.draft).toBe(true);
    expect(validateFrontMatter({ ...base, published: true }, SH).frontMatter?.draft).toBe(false);
    const typo = validateFrontMatter({ ...base, draft: 'ture' }, SH);
    expect(typo.frontMatter).toBeNull();
    expect(typo.problems).toEqual([{ field: 'draft', reason: expect.stringContaining('true or false'), excluded: true }]);
  });

  it('falls back to the file name when slug has nothing usable', () => {
    const { frontMatter, problems } = validateFrontMatter({ ...base, slug: '???' }, SH);
    expect(frontMatter?.slug).toBeNull();
    expect(problems[0]).toMatchObject({ field: 'slug', excluded: false });
  });

  it('refuses front matter that is not a mapping', () => {
    const { frontMatter, problems } = validateFrontMatter(['a', 'b'], SH);
    expect(frontMatter).toBeNull();
    expect(problems).toEqual([{ field: null, reason: expect.stringContaining('field: value'), excluded: true }]);
  });
});

describe('splitFrontMatter', () => {
  it('names the line of a YAML error, counted in the file', () => {
    const text = '---\ntitle: ok\ncategories: [a, b\ndate: 2021-12-01\n---\n<p>x</p>\n';
    try {
      splitFrontMatter(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      expect((error as FrontMatterError).line).toBeGreaterThanOrEqual(3);
      expect((error as Error).message).toMatch(/^bad YAML front matter at line \d+, column \d+: /);
    }
    expect(() => splitFrontMatter('---\ntitle: a\n  bad: : indent\n---\nx')).toThrow(/at line 3/);
  });

  it('accepts blank lines before the opening --- as the scraped reference has, counting them in error lines', () => {
    const split = splitFrontMatter("\n\n---\ntitle: '微信打开淘宝'\n---\n\n<div><p>正文</p></div>\n");
    expect(split.data).toEqual({ title: '微信打开淘宝' });
    expect(split.body.trim()).toBe('<div><p>正文</p></div>');
    expect(() => splitFrontMatter('\n---\ntitle: a\n  bad: : indent\n---\nx')).toThrow(/at line 4/);
  });

  it('refuses JavaScript front matter instead of running it', () => {
    expect(() => splitFrontMatter('---js\n{ title: (globalThis.pwned = 1) }\n---\nx')).toThrow(/JavaScript front matter is not allowed/);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('does not reuse an earlier result for the same text after an error', () => {
    const bad = '---\ntitle: [\n---\nbody';
    expect(() => splitFrontMatter(bad)).toThrow(FrontMatterError);
    expect(() => splitFrontMatter(bad)).toThrow(FrontMatterError);
  });
});

describe('yamlScalarText', () => {
  it('recovers the literal of an unquoted top-level value', () => {
    const raw = '\ntitle: x\ndate: 2021-12-01 10:52:00   # local time\nnested:\n  date: 1999-01-01\n';
    expect(yamlScalarText(raw, 'date')).toBe('2021-12-01 10:52:00');
    expect(yamlScalarText("\ndate: '2021-12-01'\n", 'date')).toBe('2021-12-01');
    expect(yamlScalarText('\ndate:\n', 'date')).toBeNull();
    expect(yamlScalarText('\ntitle: x\n', 'date')).toBeNull();
  });
});
