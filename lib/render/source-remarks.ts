// .text-remarks ("本文来自…，作者…") → a muted source note; a paragraph made only of remarks becomes one note paragraph.
// Posts written in Markdown (or plain HTML) have no such classes: there a short first or last paragraph (or a
// quotation of one) that opens the way credits do (本文来自…, 来源：…, 原文链接…) is the note.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { hasClass, hasLabel, isElement, meaningfulChildren, readableText, walkElements } from './hast-helpers';
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

/** How credit lines open, in the feeds this site reads; anything longer than a credit line is prose. */
const CREDIT_OPENING =
  /^(?:本文(?:来自|转载自|转自|首发于|来源|作者)|文章来源|内容来源|来源\s*[:：]|转载自|转自|原文(?:链接|地址|标题)?\s*[:：]|题图来自|头图来自|封面来自|(?:作者|编辑|撰文|文)\s*[|｜:：])/;
const CREDIT_MAX_CHARS = 200;

/** The paragraph a credit line is written as: a <p>, or a quotation holding only one. */
function creditParagraph(node: RootContent | undefined): Element | null {
  if (!node || node.type !== 'element') return null;
  let paragraph: Element = node;
  if (isElement(node, 'blockquote')) {
    const inner = meaningfulChildren(node);
    if (inner.length !== 1 || !isElement(inner[0], 'p')) return null;
    paragraph = inner[0];
  } else if (!isElement(node, 'p')) {
    return null;
  }
  if (hasClass(paragraph, MARK.sourceRemark)) return null;
  const text = readableText(paragraph).trim();
  return text.length <= CREDIT_MAX_CHARS && CREDIT_OPENING.test(text) ? paragraph : null;
}

/** The first and last top-level blocks, when they read as credit lines, become source notes. */
function markCreditLines(tree: Root): void {
  const blocks = tree.children.map((node, index) => ({ node, index })).filter(({ node }) => node.type === 'element');
  const ends = blocks.length > 1 ? [blocks[0], blocks[blocks.length - 1]] : blocks.slice(0, 1);
  for (const end of ends) {
    const paragraph = end ? creditParagraph(end.node) : null;
    if (!end || !paragraph) continue;
    paragraph.properties = { className: [MARK.sourceRemark] };
    tree.children[end.index] = paragraph;
  }
}

export const rehypeSourceRemarks: Plugin<[], Root> = function () {
  return (tree) => {
    markCreditLines(tree);
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
