// 大标题 and plain h1–h3 in the body → one h2 per section, with a stable id and a "#" permalink beside it.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import {
  element,
  hasClass,
  hasLabel,
  isElement,
  meaningfulChildren,
  normalizeSpace,
  readableText,
  SKIP,
  trimEdges,
  walkElements,
} from './hast-helpers';
import { slugifyHeading, uniqueSlug } from './heading-slug';
import { MARK } from './markers';
import { CLOBBER_PREFIX } from './schema';

function isSectionHeading(node: Element): boolean {
  return (
    node.tagName === 'h1' ||
    node.tagName === 'h2' ||
    node.tagName === 'h3' ||
    hasClass(node, 'text-big-title') ||
    hasLabel(node, '大标题')
  );
}

/**
 * The permalink sits beside the h2, not inside it, so a screen reader's list of headings reads
 * each title once; its accessible name says where it leads and the visible "#" is decoration.
 */
function sectionHeading(heading: Element, id: string, text: string): Element {
  const h2 = element('h2', { id }, trimEdges(heading.children));
  const anchor = element(
    'a',
    { href: `#${CLOBBER_PREFIX}${id}`, className: [MARK.headingAnchor], ariaLabel: `链接到本节：${text}` },
    [element('span', { ariaHidden: 'true' }, [{ type: 'text', value: '#' }])],
  );
  return element('div', { className: [MARK.sectionHeading] }, [h2, anchor]);
}

export const rehypeSectionHeadings: Plugin<[], Root> = function () {
  return (tree) => {
    const taken = new Set<string>();
    let count = 0;
    walkElements(tree, (node, index, parent) => {
      if (isSectionHeading(node)) {
        const text = normalizeSpace(readableText(node));
        if (!text) {
          // A "heading" that only holds a picture is really an image paragraph; an empty one is noise.
          if (meaningfulChildren(node).some((child) => child.type === 'element')) {
            parent.children[index] = element('p', {}, node.children);
            return;
          }
          parent.children.splice(index, 1);
          return index;
        }
        count++;
        const id = uniqueSlug(slugifyHeading(text) || `section-${count}`, taken);
        parent.children[index] = sectionHeading(node, id, text);
        return SKIP;
      }
      // Below a section, the outline continues one level down.
      if (isElement(node, 'h4', 'h5', 'h6')) node.tagName = 'h3';
    });
  };
};
