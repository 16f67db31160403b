// Spacer paragraphs (`<p><br></p>`, or ones left empty once the sanitizer removed their content) add only gaps.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { meaningfulChildren } from './hast-helpers';

export function rehypeDropEmptyParagraphs() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      if (meaningfulChildren(node).length > 0) return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
