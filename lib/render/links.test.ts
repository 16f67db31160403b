import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeArticleLinks } from './links';

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeArticleLinks, { siteOrigin: 'https://hutong.example' })
  .freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs }));
}

const EXTERNAL = 'target="_blank" rel="nofollow noopener noreferrer" class="external-link"';

describe('rehypeArticleLinks', () => {
  it('opens outbound http(s) links in a new tab without referrer or ranking credit', () => {
    expect(
      render('<a href="https://www.example.org/map" target="_self" rel="opener" class="x" style="color:red">地图</a>'),
    ).toBe(`<a href="https://www.example.org/map" ${EXTERNAL}>地图</a>`);
    expect(render('<a href="http://example.org">旧站</a>')).toContain(EXTERNAL);
  });

  it('treats protocol-relative and backslash tricks as the outbound links browsers make of them', () => {
    expect(render('<a href="//evil.example/x">x</a>')).toBe(`<a href="https://evil.example/x" ${EXTERNAL}>x</a>`);
    expect(render('<a href="/\\evil.example/x">x</a>')).toBe(`<a href="https://evil.example/x" ${EXTERNAL}>x</a>`);
  });

  it('normalises odd spellings of an outbound address', () => {
    expect(render('<a href="  HTTPS://WWW.Example.org/路径 ">x</a>')).toBe(
      `<a href="https://www.example.org/%E8%B7%AF%E5%BE%84" ${EXTERNAL}>x</a>`,
    );
    expect(render('<a href="ht\ttps://example.org/">x</a>')).toBe(`<a href="https://example.org/" ${EXTERNAL}>x</a>`);
  });

  it('leaves relative and same-site links in this tab, dropping the source’s target and rel', () => {
    expect(render('<a href="/articles/上一篇" target="_blank" rel="nofollow">上一篇</a>')).toBe(
      '<a href="/articles/上一篇">上一篇</a>',
    );
    expect(render('<a href="#section">本节</a>')).toBe('<a href="#section">本节</a>');
    expect(render('<a href="https://hutong.example/about">关于</a>')).toBe(
      '<a href="https://hutong.example/about">关于</a>',
    );
    expect(render('<a href="mailto:editor@example.org">来信</a>')).toBe('<a href="mailto:editor@example.org">来信</a>');
  });

  it('never marks a hostile link as outbound (the sanitizer removes its address)', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,hi', 'vbscript:msgbox(1)']) {
      const html = render(`<a href="${href}" target="_blank">x</a>`);
      expect(html).not.toContain('target');
      expect(html).not.toContain('external-link');
    }
  });

  it('keeps a title and leaves an anchor without href as plain text', () => {
    expect(render('<a href="https://example.org" title=" 说明 ">x</a>')).toBe(
      `<a title="说明" href="https://example.org/" ${EXTERNAL}>x</a>`,
    );
    expect(render('<a name="top" target="_blank">顶部</a>')).toBe('<a>顶部</a>');
  });

  it('does not touch heading permalinks', () => {
    const anchor = '<a href="#user-content-背景" class="heading-anchor" aria-label="链接到本节：背景">#</a>';
    expect(render(anchor)).toBe(anchor);
  });
});
