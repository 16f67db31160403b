// Spacer paragraphs (`<p><br></p>`, or ones left empty once the sanitizer removed their content) add only gaps.
import type { Root } from 'hast';
import { meaningfulChildren, walkElements } from './hast-helpers';

export function rehypeDropEmptyParagraphs() {
  return (tree: Root) => {
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== 'p') return;
      if (meaningfulChildren(node).length > 0) return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
