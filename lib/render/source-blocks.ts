// Block structure real sources leave implicit: WeChat's quote boxes (section.js_blockquote_wrap) are
// quotations, and a body of plain text with blank lines between its paragraphs (feeds that strip
// markup, old .txt posts) gets its paragraphs back.
import type { ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { BLOCK_ELEMENTS, element, hasClass, walkElements } from './hast-helpers';

/** The root's children with runs of inline content split into paragraphs at blank lines. */
function paragraphs(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    const hasText = run.some((n) => n.type !== 'text' || n.value.trim() !== '');
    if (hasText) out.push(element('p', {}, run));
    run = [];
  };
  for (const node of children) {
    const inline =
      node.type === 'text' || (node.type === 'element' && !BLOCK_ELEMENTS.has(node.tagName) && node.tagName !== 'img');
    if (!inline) {
      flush();
      out.push(node);
      continue;
    }
    if (node.type !== 'text') {
      run.push(node);
      continue;
    }
    const parts = node.value.split(/\n[ \t]*\n\s*/);
    parts.forEach((part, i) => {
      if (i > 0) flush();
      if (part) run.push({ type: 'text', value: part });
    });
  }
  flush();
  return out;
}

/** WeChat's quote boxes are quotations (runs before the wrapper is unwrapped, which would take them for one). */
export const rehypeQuoteBoxes: Plugin<[], Root> = function () {
  return (tree) => {
    walkElements(tree, (node) => {
      if (hasClass(node, 'js_blockquote_wrap') || hasClass(node, 'blockquote_wrap')) node.tagName = 'blockquote';
    });
  };
};

/** Paragraphs back for a body of plain text: split at blank lines, or one paragraph when it has no blocks at all. */
export const rehypePlainParagraphs: Plugin<[], Root> = function () {
  return (tree) => {
    // Only when the body carries bare text with blank lines in it: otherwise the HTML already says
    // where its paragraphs are.
    const text = tree.children.filter((n) => n.type === 'text' && n.value.trim() !== '');
    const blocks = tree.children.some((n) => n.type === 'element' && BLOCK_ELEMENTS.has(n.tagName));
    const bare = text.some((n) => n.type === 'text' && /\n[ \t]*\n/.test(n.value)) || (text.length > 0 && !blocks);
    if (bare) tree.children = paragraphs(tree.children);
  };
};
