import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeUnwrapWrapper } from './unwrap-wrapper';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeUnwrapWrapper).freeze();

function topLevel(html: string): string[] {
  const tree: Root = processor.runSync(processor.parse(html));
  return tree.children.flatMap((child) => (child.type === 'element' ? [child.tagName] : []));
}

describe('rehypeUnwrapWrapper', () => {
  it('lifts the blocks out of the source’s single wrapping div', () => {
    expect(topLevel('<div>   \n<p>一</p><h3>二</h3>  \n</div>\n   ')).toEqual(['p', 'h3']);
  });

  it('unwraps nested wrappers', () => {
    expect(topLevel('<div><div class="content"><p>一</p><p>二</p></div></div>')).toEqual(['p', 'p']);
  });

  it('leaves a body without a wrapper as it is', () => {
    expect(topLevel('<p>一</p><p>二</p>')).toEqual(['p', 'p']);
  });

  it('keeps divs that are not the only thing in the body', () => {
    expect(topLevel('<div><p>一</p></div><div><p>二</p></div>')).toEqual(['div', 'div']);
    expect(topLevel('<p>引言</p><div><p>一</p></div>')).toEqual(['p', 'div']);
  });
});
