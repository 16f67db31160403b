// .text-remarks ("本文来自…，作者…") → a muted source note; a paragraph made only of remarks becomes one note paragraph.
import type { ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { hasClass, hasLabel, isElement, meaningfulChildren, walkElements } from './hast-helpers';
import { MARK } from './markers';

function isRemark(node: RootContent | ElementContent): boolean {
  return node.type === 'element' && (hasClass(node, 'text-remarks') || hasLabel(node, '备注'));
}

/** A remark, or a link whose visible content is all remarks (the source wraps the publication's name that way). */
function isRemarkOnly(node: RootContent | ElementContent): boolean {
  if (isRemark(node)) return true;
  if (!isElement(node, 'a')) return false;
  const inner = meaningfulChildren(node);
  return inner.length > 0 && inner.every(isRemarkOnly);
}

/** Replace remark spans by their content, keeping links (and any other markup) around it. */
function unwrapRemarks(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    const inner = unwrapRemarks(child.children);
    if (isRemark(child)) return inner;
    child.children = inner;
    return [child];
  });
}

export const rehypeSourceRemarks: Plugin<[], Root> = function () {
  return (tree) => {
    walkElements(tree, (node) => {
      if (node.tagName === 'p' || node.tagName === 'div') {
        const inner = meaningfulChildren(node);
        if (inner.length > 0 && inner.every(isRemarkOnly)) {
          node.tagName = 'p';
          node.properties = { className: [MARK.sourceRemark] };
          node.children = unwrapRemarks(node.children);
          return;
        }
      }
      // A remark inside ordinary text: keep it inline, muted.
      if (isRemark(node)) {
        node.tagName = 'span';
        node.properties = { className: [MARK.sourceRemark] };
      }
    });
  };
};
