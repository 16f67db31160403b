// The readable text of an article body for search: taken from the same sanitized tree readers see,
// one line per block, so words in neighbouring paragraphs or captions never run together.
import type { ElementContent, Root, RootContent } from 'hast';
import { BLOCK_ELEMENTS, hasClass } from '@/lib/render/hast-helpers';
import { MARK } from '@/lib/render/markers';
import type { BodyFormat } from '@/lib/render/body-format';
import { renderArticleTree } from '@/lib/render/pipeline';

/** Text of a sanitized tree: blocks end lines, runs of spaces become one, the "#" permalinks are left out. */
export function treeText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: RootContent | ElementContent): void => {
    if (node.type === 'text') {
      parts.push(node.value);
      return;
    }
    if (node.type !== 'element') return;
    if (hasClass(node, MARK.headingAnchor)) return;
    const block = BLOCK_ELEMENTS.has(node.tagName);
    if (block) parts.push('\n');
    for (const child of node.children) walk(child);
    if (block) parts.push('\n');
  };
  for (const child of tree.children) walk(child);
  return tidyText(parts.join(''));
}

/** NFC, one space for any run of spaces, one newline for any run of lines, no blank edges. */
export function tidyText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** An untrusted body → its searchable text, through the site's one rendering pipeline. */
export function articleText(body: string, format: BodyFormat = 'html'): string {
  return treeText(renderArticleTree(body, format).tree);
}
