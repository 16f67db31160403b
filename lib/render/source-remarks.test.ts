import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeSourceRemarks } from './source-remarks';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSourceRemarks).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs }));
}

describe('rehypeSourceRemarks', () => {
  it('makes a paragraph of remarks one source-note paragraph, keeping the publication link', () => {
    const html = render(
      '<p><span class="text-remarks" label="备注">本文来自微信公众号：</span>' +
        '<a href="https://mp.weixin.qq.com/s?x=1"><span class="text-remarks">城南旧事研究所</span></a>' +
        '<span class="text-remarks">，作者：林小满</span></p>',
    );
    expect(html).toBe(
      '<p class="source-remark">本文来自微信公众号：<a href="https://mp.weixin.qq.com/s?x=1">城南旧事研究所</a>，作者：林小满</p>',
    );
  });

  it('recognises a remark by its 备注 label alone, and ignores whitespace and <br> around it', () => {
    expect(render('<p> <span label="备注">题图来自：视觉中国</span><br></p>')).toBe(
      '<p class="source-remark"> 题图来自：视觉中国<br/></p>',
    );
  });

  it('keeps a remark inside ordinary text inline, as a muted span', () => {
    expect(render('<p>正文一句。<span class="text-remarks" label="备注">（编者注）</span></p>')).toBe(
      '<p>正文一句。<span class="source-remark">（编者注）</span></p>',
    );
  });

  it('leaves a paragraph with a link but no remark alone', () => {
    expect(render('<p><a href="/x">链接</a></p>')).toBe('<p><a href="/x">链接</a></p>');
  });

  it('turns a div of remarks into a paragraph too', () => {
    expect(render('<div><span class="text-remarks">来源：某报</span></div>')).toBe(
      '<p class="source-remark">来源：某报</p>',
    );
  });

  it('takes a short first or last paragraph that opens as credits do for the note, in a post with no classes', () => {
    expect(
      render(
        '<blockquote><p>本文来自微信公众号：<a href="https://mp.weixin.qq.com/s/abc">城南旧事研究所</a>，作者：林小满</p></blockquote>' +
          '<p>正文第一段。</p><p>正文第二段。</p>' +
          '<p>原文链接：<a href="https://example.com/a">https://example.com/a</a></p>',
      ),
    ).toBe(
      '<p class="source-remark">本文来自微信公众号：<a href="https://mp.weixin.qq.com/s/abc">城南旧事研究所</a>，作者：林小满</p>' +
        '<p>正文第一段。</p><p>正文第二段。</p>' +
        '<p class="source-remark">原文链接：<a href="https://example.com/a">https://example.com/a</a></p>',
    );
    expect(render('<p>作者｜周野</p><p>正文。</p>')).toBe('<p class="source-remark">作者｜周野</p><p>正文。</p>');
  });

  it('leaves prose alone: a credit-like paragraph mid-body, a long one, a quotation of several paragraphs', () => {
    const middle = '<p>开头。</p><p>本文来自一次偶然的谈话。</p><p>结尾。</p>';
    expect(render(middle)).toBe(middle);
    const long = `<p>本文来自${'很长的一段正文，'.repeat(40)}</p><p>结尾。</p>`;
    expect(render(long)).toBe(long);
    const quote = '<blockquote><p>来源：某报</p><p>第二段</p></blockquote><p>正文。</p>';
    expect(render(quote)).toBe(quote);
    // "来源" as an ordinary word, not a label.
    expect(render('<p>来源不明的消息，总是传得最快。</p>')).toBe('<p>来源不明的消息，总是传得最快。</p>');
  });
});
