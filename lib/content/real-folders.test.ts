// Content folders as real Hexo and Jekyll sites hold them (test/fixtures/*: our own words, their
// conventions and their mistakes): every file is read, kept, and warned about where it had to be mended.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanContent } from './load';

const SH = 'Asia/Shanghai';
const hexo = scanContent({ dir: path.resolve('test/fixtures/hexo-site/source'), timeZone: SH });
const jekyll = scanContent({ dir: path.resolve('test/fixtures/jekyll-site'), timeZone: SH });
const byFile = (scan: typeof hexo, file: string) => {
  const found = scan.articles.find((a) => a.file === file);
  if (!found) throw new Error(`${file} was not kept: ${JSON.stringify(scan.problems.filter((p) => p.file === file))}`);
  return found;
};
const warningsOf = (scan: typeof hexo, file: string) => scan.problems.filter((p) => p.file === file).map((p) => [p.field, p.excluded]);

describe('a Hexo site (CONTENT_DIR = its source/ folder)', () => {
  it('reads _posts/ (nested as deep as sites nest them) and _drafts/, not the site’s own pages', () => {
    expect(hexo.articles.map((a) => a.file)).toContain('_posts/新媒体/胡同志/首页资讯/菜市场的早晨七点.md');
    expect(hexo.articles.some((a) => a.file.startsWith('about/'))).toBe(false);
    expect(byFile(hexo, '_drafts/还没写完.md').draft).toBe(true);
  });

  it('keeps every file: nothing is left out, only warned about', () => {
    expect(hexo.problems.filter((p) => p.excluded)).toEqual([]);
    expect(hexo.articles).toHaveLength(17);
  });

  it('reads the scraped-feed format in a .md file as HTML, and a Markdown body as Markdown', () => {
    expect(byFile(hexo, '_posts/新媒体/胡同志/首页资讯/菜市场的早晨七点.md')).toMatchObject({
      format: 'html',
      categories: ['新媒体', '胡同志', '首页资讯'],
      toc: [{ text: '第一个摊位' }],
      firstImage: { src: 'https://img.example.cn/article/202112/01/tofu.jpg', width: 800, height: 600 },
    });
    expect(byFile(hexo, '_posts/hutong-markdown-walk.md')).toMatchObject({
      format: 'markdown',
      toc: [{ text: '鼓楼到烟袋斜街' }, { text: '银锭桥' }, { text: '注释' }],
      tags: ['散步', '北京', '老城'],
      updated: '2022-05-20T01:00:00.000Z',
      // The description the author wrote, over the excerpt before <!-- more -->.
      excerpt: '从鼓楼出发，沿着小巷一路向西，走到天黑。',
    });
    expect(byFile(hexo, '_posts/html-in-markdown-file.md').format).toBe('html');
    expect(byFile(hexo, '_posts/forced-html.md').format).toBe('html');
  });

  it('reads front matter as real sites write it', () => {
    // A BOM, Windows line endings, a non-breaking space after "title:", a stray BOM mid-body.
    expect(byFile(hexo, '_posts/windows-written.md')).toMatchObject({ title: '一篇 Windows 写的文章', date: '2020-03-08T00:00:00.000Z' });
    expect(byFile(hexo, '_posts/windows-written.md').excerpt).not.toContain('\ufeff');
    // Titles YAML reads as numbers keep the text as written; Jekyll's "date +0800"; dates before 1970.
    expect(byFile(hexo, '_posts/year-1936.md')).toMatchObject({ title: '1936', date: '2018-02-23T16:00:00.000Z' });
    expect(byFile(hexo, '_posts/noon-12_00.md')).toMatchObject({ title: '12_00', date: '2019-07-02T16:00:00.000Z' });
    expect(byFile(hexo, '_posts/before-1970.md').date).toBe('1956-03-31T16:00:00.000Z');
    expect(byFile(hexo, '_posts/multiline-title.md').title).toBe('一个很长很长的标题 分成了两行来写');
    // "title :", blank lines between keys, singular category, a list of tags; unknown keys are listed.
    expect(byFile(hexo, '_posts/keys-with-spaces.md')).toMatchObject({ title: '冒号前有空格的字段', categories: ['单数分类'], tags: ['旧物', '收藏'] });
    expect(hexo.records.find((r) => r.file === '_posts/keys-with-spaces.md')?.parsed.ignoredKeys).toEqual(['photos']);
  });

  it('mends what it can and says so: broken quotes, a missing title, a missing date, template tags', () => {
    expect(byFile(hexo, '_posts/broken-quotes.md').title).toBe(`''黄油拿来！" 一场家庭小实验`);
    expect(warningsOf(hexo, '_posts/broken-quotes.md')).toEqual([['title', false]]);
    expect(byFile(hexo, '_posts/untitled-with-heading.md').title).toBe('院里的石榴树');
    expect(warningsOf(hexo, '_posts/no-date-at-all.md')).toEqual([['date', false]]);
    expect(hexo.problems.find((p) => p.file === '_posts/with-tags.md')?.reason).toContain('{% youtube %}');
  });

  it("honours Hexo's permalink and abbrlink as the address, keeping the old one", () => {
    expect(byFile(hexo, '_posts/permalink-post.md')).toMatchObject({ slug: 'old-address', aliases: ['/2017/11/11/old-address/'] });
    expect(byFile(hexo, '_posts/abbrlink-post.md')).toMatchObject({ slug: '3a5b6c7d', aliases: ['/posts/3a5b6c7d/', '/posts/3a5b6c7d.html'] });
  });
});

describe('a Jekyll site', () => {
  it('dates a post without a date by its file name, and takes its address from the rest of the name', () => {
    expect(byFile(jekyll, '_posts/2019-04-04-hutong-walk.md')).toMatchObject({ slug: 'hutong-walk', date: '2019-04-03T16:00:00.000Z', title: '雨后的胡同' });
    expect(byFile(jekyll, '_posts/2020-1-5-short-name.markdown')).toMatchObject({
      slug: 'short-name',
      date: '2020-01-05T13:30:00.000Z',
      updated: '2020-01-31T16:00:00.000Z',
    });
    expect(jekyll.problems).toEqual([]);
  });
});
