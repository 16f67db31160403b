// Links within the article (`#fn-1`, `#section`): the sanitizer prefixes every id it keeps
// (schema.ts, CLOBBER_PREFIX) so article text cannot shadow the page's own, so a link to an id the body
// defines is pointed at the prefixed id here, before the sanitizer runs. Markdown footnotes depend on it.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { walkElements } from './hast-helpers';
import { CLOBBER_PREFIX } from './schema';

export const rehypeInPageLinks: Plugin<[], Root> = function () {
  return (tree) => {
    const ids = new Set<string>();
    walkElements(tree, (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    walkElements(tree, (node) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#') || href.startsWith(`#${CLOBBER_PREFIX}`)) return;
      let target: string;
      try {
        target = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      if (ids.has(target)) node.properties.href = `#${CLOBBER_PREFIX}${target}`;
    });
  };
};
