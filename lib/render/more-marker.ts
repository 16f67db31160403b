// Hexo's `<!-- more -->` ends the part of a post shown in lists. The comment itself would not survive the
// sanitizer, so it becomes an empty marker the analysis reads (the excerpt is what comes before it) and
// the page renders as nothing.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { element } from './hast-helpers';
import { MARK } from './markers';

export const rehypeMoreMarker: Plugin<[], Root> = function () {
  return (tree) => {
    const visit = (parent: { children: Root['children'] }): boolean => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i]!;
        if (node.type === 'comment' && /^\s*more\s*$/i.test(node.value)) {
          parent.children[i] = element('span', { className: [MARK.more] });
          return true;
        }
        if (node.type === 'element' && visit(node as { children: Root['children'] })) return true;
      }
      return false;
    };
    visit(tree);
  };
};
