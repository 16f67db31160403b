import { readFileSync } from 'node:fs';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { MARK } from './markers';
import { renderArticleTree } from './pipeline';

const sample = readFileSync(new URL('./fixtures/sample-article.html', import.meta.url), 'utf8');

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child: RootContent) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

function topLevelTags(tree: Root): string[] {
  return tree.children.flatMap((child) => (child.type === 'element' ? [child.tagName] : []));
}

describe('renderArticleTree', () => {
  const { tree, analysis } = renderArticleTree(sample);

  it('lays the article out as the source meant it, with no wrapper div left around it', () => {
    expect(topLevelTags(tree)).toEqual([
      'p', // source note
      'p',
      'p',
      'div', // section heading
      'p',
      'figure',
      'p',
      'p',
      'div',
      'p',
      'figure',
      'figure',
      'p',
      'p', // the orphaned caption, kept as a note
      'div',
      'p',
      'p', // closing source note
    ]);
  });

  it('gives each TOC entry a heading with that id and a permalink to the same id', () => {
    const wrappers = elements(tree).filter((el) => el.tagName === 'div');
    expect(wrappers).toHaveLength(analysis.toc.length);
    analysis.toc.forEach((entry, i) => {
      const [h2, anchor] = wrappers[i]!.children.filter((c): c is Element => c.type === 'element');
      expect(h2?.properties.id).toBe(entry.id);
      expect(anchor?.properties.href).toBe(`#${entry.id}`);
      expect(anchor?.properties.className).toEqual([MARK.headingAnchor]);
    });
  });

  it('renders the same body the same way every time (the processor is shared)', () => {
    expect(renderArticleTree(sample)).toEqual(renderArticleTree(sample));
  });

  it('renders a body the same with or without the wrapping div', () => {
    const inner = '<h3 label="大标题">一</h3><p>二</p>';
    // Source positions differ by the wrapper's length; compare the content only.
    const strip = (root: Root) =>
      JSON.stringify(root, (key, value: unknown) => (key === 'position' ? undefined : value));
    expect(strip(renderArticleTree(`<div>${inner}</div>`).tree)).toBe(strip(renderArticleTree(inner).tree));
  });

  it('never throws on malformed markup', () => {
    for (const html of [
      '<p><b>未闭合',
      '</div></p>',
      '<<<>>>',
      '<img src=>',
      '\u0000\uFFFF',
      '<table><p>错位</p></table>',
    ]) {
      expect(() => renderArticleTree(html), html).not.toThrow();
    }
  });
});
