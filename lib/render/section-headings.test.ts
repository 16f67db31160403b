import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeSectionHeadings } from './section-headings';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSectionHeadings).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs }));
}

function ids(html: string): string[] {
  return [...render(html).matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]!);
}

describe('rehypeSectionHeadings', () => {
  it('turns a 大标题 h3 into a section h2 with an id and a labelled permalink beside it', () => {
    expect(render('<h3 label="大标题" class="text-big-title">街坊的“食堂”</h3>')).toBe(
      '<div class="section-heading"><h2 id="街坊的食堂">街坊的“食堂”</h2>' +
        '<a href="#user-content-街坊的食堂" class="heading-anchor" aria-label="链接到本节：街坊的“食堂”">' +
        '<span aria-hidden="true">#</span></a></div>',
    );
  });

  it('recognises the class or the label alone, on any element', () => {
    expect(ids('<p class="text-big-title">只有类名</p><div label="大标题">只有标签</div>')).toEqual([
      '只有类名',
      '只有标签',
    ]);
  });

  it('promotes plain h1, h2 and h3 in the body to section headings', () => {
    expect(ids('<h1>一</h1><h2>二</h2><h3>三</h3>')).toEqual(['一', '二', '三']);
  });

  it('moves h4–h6 one level under the sections, without ids', () => {
    const html = render('<h4>小节</h4><h6>更小</h6>');
    expect(html).toBe('<h3>小节</h3><h3>更小</h3>');
  });

  it('gives repeated titles distinct ids: -2, -3', () => {
    expect(ids('<h3>小结</h3><h3>小结</h3><h3>小结！</h3>')).toEqual(['小结', '小结-2', '小结-3']);
  });

  it('falls back to section-N when a title has no letters or digits', () => {
    expect(ids('<h3>背景</h3><h3>？？？</h3><h3>……</h3>')).toEqual(['背景', 'section-2', 'section-3']);
  });

  it('drops headings with no text at all', () => {
    expect(render('<h3 label="大标题"> <br> </h3><p>正文</p>')).toBe('<p>正文</p>');
  });

  it('keeps a picture that the source put in a heading, as an ordinary paragraph', () => {
    expect(render('<h3><img src="/a.jpg" alt=""></h3>').replace(/<link[^>]*>/, '')).toBe(
      '<p><img src="/a.jpg" alt=""/></p>',
    );
  });

  it('reads only visible words for the id and label, not the code of a script inside', () => {
    expect(render('<h3>小节<script>alert(1)</script><style>h3{}</style></h3>')).toContain(
      '<h2 id="小节">小节<script>alert(1)</script><style>h3{}</style></h2><a href="#user-content-小节" class="heading-anchor" aria-label="链接到本节：小节">',
    );
  });

  it('replaces an id the source gave the heading', () => {
    expect(ids('<h2 id="__proto__">原因</h2>')).toEqual(['原因']);
  });

  it('starts numbering afresh for every document', () => {
    expect(ids('<h3>结语</h3>')).toEqual(['结语']);
    expect(ids('<h3>结语</h3>')).toEqual(['结语']);
  });

  it('keeps inline markup inside the heading and reads its text for the label', () => {
    expect(render('<h3><strong>重点</strong>在这里</h3>')).toContain(
      '<h2 id="重点在这里"><strong>重点</strong>在这里</h2><a href="#user-content-重点在这里" class="heading-anchor" aria-label="链接到本节：重点在这里">',
    );
  });
});
