import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeFigures } from './figures';
import { renderArticleTree } from './pipeline';
import { rehypeZoomableImages } from './zoomable-images';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeFigures).use(rehypeZoomableImages).freeze();

function render(html: string): string {
  const tree: Root = processor.runSync(processor.parse(html));
  return toHtml(tree);
}

describe('rehypeZoomableImages', () => {
  it('marks a figure’s own pictures, captioned or not, one or several', () => {
    expect(render('<p><img src="/a.jpg"></p><p class="text-img-note">图注</p>')).toBe(
      '<figure><img src="/a.jpg" alt="图注" class="zoomable"><figcaption>图注</figcaption></figure>',
    );
    expect(render('<p><img src="/a.jpg"><img src="/b.jpg"></p>')).toBe(
      '<figure><img src="/a.jpg" class="zoomable"><img src="/b.jpg" class="zoomable"></figure>',
    );
  });

  it('leaves a picture inside a link (the link is what it does) and an inline picture in a sentence alone', () => {
    expect(render('<p><a href="https://example.org/big.jpg"><img src="/a.jpg"></a></p>')).toBe(
      '<figure><a href="https://example.org/big.jpg"><img src="/a.jpg"></a></figure>',
    );
    expect(render('<p>看这里<img src="/a.jpg">就明白了</p>')).toBe('<p>看这里<img src="/a.jpg">就明白了</p>');
  });

  it('survives the sanitizer in the full pipeline, which still drops a class the source wrote', () => {
    const { tree } = renderArticleTree(
      '<p class="img-center-box"><img class="lazyImg zoomable" src="https://img.example-cdn.cn/a.jpg"></p><p>正文<img class="zoomable" src="/b.jpg"></p>',
    );
    const images: Element[] = [];
    const collect = (node: Root | Element) =>
      node.children.forEach((c) => {
        if (c.type !== 'element') return;
        if (c.tagName === 'img') images.push(c);
        collect(c);
      });
    collect(tree);
    expect(images.map((img) => img.properties.className ?? null)).toEqual([['zoomable'], null]);
  });
});
