import { describe, expect, it } from 'vitest';
import { detectBodyFormat } from './body-format';

describe('which language a body is written in', () => {
  it('reads .html, .htm and .txt as HTML whatever they hold', () => {
    for (const file of ['a.html', 'b.HTM', 'c.txt']) expect(detectBodyFormat(file, '# 标题\n\n正文')).toBe('html');
  });

  it('reads a Markdown file as Markdown, unless its body opens with a block of HTML and nothing in it is Markdown', () => {
    expect(detectBodyFormat('a.md', '正文第一段。\n\n## 小节')).toBe('markdown');
    expect(detectBodyFormat('a.markdown', '![](https://x/a.jpg)\n\n正文')).toBe('markdown');
    // The scraped-feed format: the whole body is one <div>.
    expect(detectBodyFormat('a.md', '\n<div>   \n<p>正文</p><h3 label="大标题">节</h3></div>')).toBe('html');
    expect(detectBodyFormat('a.md', '\ufeff<!-- 转载 -->\n<section><p>正文</p>\n<p>又一段</p></section>')).toBe('html');
    // HTML at the top, Markdown below (a centred picture, then prose in Markdown): Markdown.
    expect(detectBodyFormat('a.md', '<p align="center"><img src="x.jpg"></p>\n\n## 小节\n\n- 一\n- 二')).toBe(
      'markdown',
    );
    expect(detectBodyFormat('a.md', '<div class="note">提示</div>\n\n> 引文')).toBe('markdown');
    // Inline HTML first is still Markdown.
    expect(detectBodyFormat('a.md', '<span>注：</span>正文。')).toBe('markdown');
    expect(detectBodyFormat('a.md', '<img src="a.jpg">\n\n正文')).toBe('markdown');
  });

  it('lets the front matter decide (format: markdown|html, markdown: false)', () => {
    expect(detectBodyFormat('a.md', '# x', 'html')).toBe('html');
    expect(detectBodyFormat('a.html', '<p>x</p>', 'markdown')).toBe('markdown');
  });
});
