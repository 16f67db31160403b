import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeFigures } from './figures';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeFigures).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  // React hoists eager images into preload links; those belong to the image transform's tests.
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs })).replace(/<link rel="preload"[^>]*>/g, '');
}

const IMG = '<img src="https://img.example-cdn.cn/a.jpg" alt="">';
const CAPTION = '<p label="图片备注" class="text-img-note">老周的煎饼摊<br></p>';

describe('rehypeFigures', () => {
  it('joins an image paragraph and the caption after it into one figure, caption as alt', () => {
    expect(render(`<p class="img-center-box">${IMG}</p>${CAPTION}`)).toBe(
      '<figure><img src="https://img.example-cdn.cn/a.jpg" alt="老周的煎饼摊"/><figcaption>老周的煎饼摊</figcaption></figure>',
    );
  });

  it('pairs them across whitespace and recognises the caption by label or class alone', () => {
    const html = render(
      `<p>${IMG}</p>\n  \n<p label="图片备注">街坊</p><p>${IMG}</p><p class="text-img-note">窗口</p>`,
    );
    expect(html.match(/<figure>/g)).toHaveLength(2);
    expect(html).toContain('<figcaption>街坊</figcaption>');
    expect(html).toContain('<figcaption>窗口</figcaption>');
  });

  it('makes an image without a caption a figure without figcaption, keeping its own alt', () => {
    expect(render('<p class="img-center-box"><img src="/a.jpg" alt="胡同"></p><p>下一段</p>')).toBe(
      '<figure><img src="/a.jpg" alt="胡同"/></figure><p>下一段</p>',
    );
  });

  it('keeps a caption with no image before it as a muted paragraph, not a figure', () => {
    expect(render(`<p>正文</p>${CAPTION}`)).toBe('<p>正文</p><p class="image-note">老周的煎饼摊</p>');
  });

  it('drops a caption that has nothing in it', () => {
    expect(render('<p label="图片备注"> <br></p>')).toBe('');
    expect(render(`<p>${IMG}</p><p class="text-img-note"><br></p>`)).toBe(
      '<figure><img src="https://img.example-cdn.cn/a.jpg" alt=""/></figure>',
    );
  });

  it('treats a bare image between paragraphs as a figure too', () => {
    expect(render(`<p>前文</p>${IMG}${CAPTION}`)).toBe(
      '<p>前文</p><figure><img src="https://img.example-cdn.cn/a.jpg" alt="老周的煎饼摊"/><figcaption>老周的煎饼摊</figcaption></figure>',
    );
  });

  it('leaves an image inside a sentence inline', () => {
    expect(render(`<p>看这里${IMG}就明白了</p>`)).toBe(
      '<p>看这里<img src="https://img.example-cdn.cn/a.jpg" alt=""/>就明白了</p>',
    );
  });

  it('keeps markup inside the caption (a link) and the link around an image', () => {
    const html = render(
      `<p><a href="https://example.org/big.jpg">${IMG}</a></p><p class="text-img-note">图源：<a href="https://example.org">某网站</a><br></p>`,
    );
    expect(html).toBe(
      '<figure><a href="https://example.org/big.jpg"><img src="https://img.example-cdn.cn/a.jpg" alt="图源：某网站"/></a>' +
        '<figcaption>图源：<a href="https://example.org">某网站</a></figcaption></figure>',
    );
  });

  it('puts several images of one paragraph in one figure; the caption names the group, not each image', () => {
    const html = render('<p><img src="/a.jpg" alt="左"><img src="/b.jpg"></p><p class="text-img-note">对比</p>');
    expect(html).toBe('<figure><img src="/a.jpg" alt="左"/><img src="/b.jpg"/><figcaption>对比</figcaption></figure>');
  });

  it('takes alt text only from the caption’s visible words', () => {
    expect(render(`<p>${IMG}</p><p class="text-img-note">图注<script>alert(1)</script></p>`)).toContain('alt="图注"');
  });

  it('finds image paragraphs nested in other blocks', () => {
    expect(render(`<blockquote><p>${IMG}</p>${CAPTION}</blockquote>`)).toContain('<blockquote><figure>');
  });
});
