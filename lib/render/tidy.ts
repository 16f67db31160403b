// Clean up what the source and the sanitizer leave hollow: spacer paragraphs and class lists emptied of unknown
// classes.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { meaningfulChildren, walkElements } from './hast-helpers';

export const rehypeTidy: Plugin<[], Root> = function () {
  return (tree) => {
    walkElements(tree, (node, index, parent) => {
      // `<p><br></p>` spacers, or paragraphs whose only content was removed, add nothing but a gap.
      if (node.tagName === 'p' && meaningfulChildren(node).length === 0) {
        parent.children.splice(index, 1);
        return index;
      }
      // Otherwise every element the source gave a class renders `class=""`.
      if (Array.isArray(node.properties.className) && node.properties.className.length === 0) {
        delete node.properties.className;
      }
    });
  };
};
