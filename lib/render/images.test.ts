import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeArticleImages } from './images';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeArticleImages).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs }));
}

/** The `<img>` tags, attribute names lower-cased as a browser reads them (React may add a preload `<link>` too). */
function imgTags(html: string): string[] {
  return (html.match(/<img [^>]*>/g) ?? []).map((tag) =>
    tag.replace(/ ([a-zA-Z]+)=/g, (_, name: string) => ` ${name.toLowerCase()}=`),
  );
}

const A = 'https://img.example-cdn.cn/a.jpg';
const B = 'https://img.example-cdn.cn/b.png';

describe('rehypeArticleImages', () => {
  it('keeps only the attributes a reader needs, sized from data-w/data-h, first image eager', () => {
    const html = render(
      `<img class="lazyImg" _src="${A}" data-w="797" data-h="1201" src="${A}" style="width:100%" onerror="alert(1)">`,
    );
    expect(imgTags(html)).toEqual([
      `<img src="${A}" alt="" referrerpolicy="no-referrer" width="797" height="1201" fetchpriority="high"/>`,
    ]);
  });

  it('makes every image after the first lazy and async, and all of them no-referrer', () => {
    const html = render(`<p><img src="${A}"></p><p><img src="${B}"><img src="${A}"></p>`);
    const tags = imgTags(html);
    expect(tags).toHaveLength(3);
    expect(tags[0]).toContain('fetchpriority="high"');
    expect(tags[0]).not.toContain('loading=');
    for (const tag of tags.slice(1)) {
      expect(tag).toContain('loading="lazy"');
      expect(tag).toContain('decoding="async"');
      expect(tag).not.toContain('fetchpriority');
    }
    for (const tag of tags) expect(tag).toContain('referrerpolicy="no-referrer"');
    // React preloads every eager image; only the first one should compete for bandwidth.
    expect(html.match(/<link rel="preload"/g)).toHaveLength(1);
  });

  it('falls back from src to _src to data-src, skipping placeholders and hostile addresses', () => {
    expect(render(`<img _src="${A}">`)).toContain(`src="${A}"`);
    expect(render(`<img src="data:image/gif;base64,R0lGOD" data-src="${B}">`)).toContain(`src="${B}"`);
    expect(render(`<img src="javascript:alert(1)" _src="${A}" data-src="${B}">`)).toContain(`src="${A}"`);
    expect(render(`<img src="  ${A}  ">`)).toContain(`src="${A}"`);
  });

  it('removes an image with no usable address, so no broken picture is shown', () => {
    expect(render('<p>前<img src="data:image/png;base64,AAAA">后</p>')).toBe('<p>前后</p>');
    expect(render('<p><img src="JaVaScRiPt:alert(1)" _src="vbscript:x" data-src="file:///etc/passwd"></p>')).toBe(
      '<p></p>',
    );
    expect(render('<p><img></p>')).toBe('<p></p>');
    // Relative to the article's own path it would point nowhere.
    expect(render('<p><img src="pics/a.jpg"></p>')).toBe('<p></p>');
  });

  it('accepts site-relative images and upgrades protocol-relative ones to https', () => {
    expect(render('<img src="/demo/hutong.jpg">')).toContain('src="/demo/hutong.jpg"');
    expect(render('<img src="//img.example-cdn.cn/c.jpg">')).toContain('src="https://img.example-cdn.cn/c.jpg"');
    expect(render('<img src="HTTPS://IMG.example-cdn.cn/d.jpg">')).toContain('src="https://img.example-cdn.cn/d.jpg"');
  });

  it('takes width and height from plain attributes too, but only as a pair of sane numbers', () => {
    expect(render(`<img src="${A}" width="640px" height="480">`)).toContain('width="640" height="480"');
    expect(render(`<img src="${A}" data-w="640">`)).not.toMatch(/width=|height=/);
    expect(render(`<img src="${A}" data-w="100%" data-h="300">`)).not.toMatch(/width=|height=/);
    expect(render(`<img src="${A}" data-w="0" data-h="300">`)).not.toMatch(/width=|height=/);
    expect(render(`<img src="${A}" data-w="99999999" data-h="300">`)).not.toMatch(/width=|height=/);
  });

  it('keeps existing alt and title text, trimmed, and always sets alt', () => {
    expect(render(`<img src="${A}" alt=" 胡同口 " title="早上">`)).toContain('alt="胡同口"');
    expect(render(`<img src="${A}" alt=" 胡同口 " title="早上">`)).toContain('title="早上"');
    expect(render(`<img src="${A}">`)).toContain('alt=""');
  });
});
