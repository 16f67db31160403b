import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeTidy } from './tidy';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeTidy).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs })).replace(/<link rel="preload"[^>]*>/g, '');
}

describe('rehypeTidy', () => {
  it('removes spacer paragraphs of whitespace and <br>', () => {
    expect(render('<p>一</p><p><br></p><p> &nbsp; </p><p>\u3000</p><p>二</p>')).toBe('<p>一</p><p>二</p>');
  });

  it('keeps paragraphs that hold only an image or a line break between words', () => {
    expect(render('<p><img src="/a.jpg" alt=""></p><p>上<br>下</p>')).toBe(
      '<p><img src="/a.jpg" alt=""/></p><p>上<br/>下</p>',
    );
  });

  it('removes empty paragraphs nested in other blocks', () => {
    expect(render('<blockquote><p></p><p>引文</p></blockquote>')).toBe('<blockquote><p>引文</p></blockquote>');
  });

  it('removes class lists the sanitizer emptied, so no `class=""` reaches the page', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: { className: [] }, children: [{ type: 'text', value: '正文' }] },
      ],
    };
    const tidied = unified().use(rehypeTidy).runSync(tree);
    expect(renderToStaticMarkup(toJsxRuntime(tidied, { Fragment, jsx, jsxs }))).toBe('<p>正文</p>');
  });
});
