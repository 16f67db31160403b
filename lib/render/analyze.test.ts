import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticleHtml } from './analyze';
import { renderArticleTree } from './pipeline';

const sample = readFileSync(new URL('./fixtures/sample-article.html', import.meta.url), 'utf8');

describe('analyzeArticleHtml on an article in the source format', () => {
  const analysis = analyzeArticleHtml(sample);

  it('lists the three 大标题 sections in order, with the ids the page renders', () => {
    expect(analysis.toc).toEqual([
      { id: 'user-content-一张饼二十年', text: '一张饼，二十年' },
      { id: 'user-content-街坊的食堂', text: '街坊的“食堂”' },
      { id: 'user-content-还能坚持多久', text: '还能坚持多久？' },
    ]);
  });

  it('builds the excerpt from the first prose paragraphs, not the source note', () => {
    expect(analysis.excerpt.startsWith('清晨六点，胡同口的煎饼摊已经支起了炉子。')).toBe(true);
    expect(analysis.excerpt).not.toContain('本文来自');
    expect(Array.from(analysis.excerpt).length).toBeLessThanOrEqual(140);
    expect(Array.from(analysis.excerpt).length).toBeGreaterThanOrEqual(80);
  });

  it('reports the first picture with its size and its caption as alt', () => {
    expect(analysis.firstImage).toEqual({
      src: 'https://img.example-cdn.cn/2023/06/jianbing-stall.jpg?imageView2/2/w/1000/format/jpg',
      width: 800,
      height: 600,
      alt: '老周的煎饼摊，早上七点前后人最多',
    });
  });

  it('counts readable characters and turns them into at least a minute', () => {
    // 448 Chinese characters, plus "ID", "chengnan" and "lab" in each of the two source notes.
    expect(analysis.charCount).toBe(454);
    expect(analysis.readingMinutes).toBe(1);
  });

  it('matches what renderArticleTree reports', () => {
    expect(renderArticleTree(sample).analysis).toEqual(analysis);
  });
});

describe('analyzeArticleHtml edge cases', () => {
  it('skips captions, orphaned captions and headings when picking the excerpt', () => {
    const analysis = analyzeArticleHtml(
      '<h3 label="大标题">标题</h3><p class="img-center-box"><img src="/a.jpg"></p><p class="text-img-note">图注</p>' +
        '<p class="text-img-note">孤立的图注</p><p>真正的第一段。</p>',
    );
    expect(analysis.excerpt).toBe('真正的第一段。');
  });

  it('leaves an inline remark out of the excerpt but keeps the sentence around it', () => {
    const analysis = analyzeArticleHtml('<p>正文开始<span class="text-remarks">（编者注）</span>，继续。</p>');
    expect(analysis.excerpt).toBe('正文开始，继续。');
  });

  it('falls back to any text when there are no paragraphs', () => {
    expect(analyzeArticleHtml('<ul><li>第一条</li><li>第二条</li></ul>').excerpt).toBe('第一条 第二条');
  });

  it('does not count the permalink "#" or the source’s hidden markup', () => {
    const analysis = analyzeArticleHtml('<h3>一二</h3><p>三四</p><script>var abcdef = 1;</script><style>p{}</style>');
    expect(analysis.charCount).toBe(4);
  });

  it('handles an empty body', () => {
    expect(analyzeArticleHtml('')).toEqual({ toc: [], excerpt: '', charCount: 0, readingMinutes: 1, firstImage: null });
    expect(analyzeArticleHtml('<div>  </div>')).toEqual({
      toc: [],
      excerpt: '',
      charCount: 0,
      readingMinutes: 1,
      firstImage: null,
    });
  });

  it('reports no first image when none survives, and null sizes when the source gave none', () => {
    expect(analyzeArticleHtml('<p><img src="javascript:alert(1)"></p><p>文</p>').firstImage).toBeNull();
    expect(analyzeArticleHtml('<p><img src="/a.jpg"></p>').firstImage).toEqual({
      src: '/a.jpg',
      width: null,
      height: null,
      alt: '',
    });
  });
});
