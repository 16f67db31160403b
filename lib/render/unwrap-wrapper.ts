// The source wraps each body in a bare <div>; unwrap it so the article's blocks sit directly in the page.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { isBlank, isElement } from './hast-helpers';

export const rehypeUnwrapWrapper: Plugin<[], Root> = function () {
  return (tree) => {
    for (;;) {
      const content = tree.children.filter((child) => !isBlank(child));
      const only = content[0];
      if (content.length !== 1 || !isElement(only, 'div', 'article', 'section', 'main', 'body')) return;
      tree.children = only.children;
    }
  };
};
