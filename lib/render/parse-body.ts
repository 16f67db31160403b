// The first step of the pipeline: a body, in its language, to a hast tree. HTML goes through the fast
// exact parser when it can (simple-html.ts) and parse5 otherwise; Markdown through remark (CommonMark +
// GFM: tables, strikethrough, autolinks, task lists, footnotes), its raw HTML kept through rehype-raw so
// that the 图片备注 captions and embeds authors write between Markdown lines reach the same transforms.
// Everything after this step is shared: one set of transforms, one sanitizer.
import type { Root, RootContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import type { BodyFormat } from './body-format';
import { parseSimpleHtml } from './simple-html';

type FromMarkdownExtension = ReturnType<typeof gfmFromMarkdown>[number];

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();

/**
 * rehype-raw re-reads the whole tree through parse5, a quarter of a Markdown body's cost; a body with no
 * raw HTML in it (most of them) gives the same tree without it.
 */
function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: Parameters<typeof raw>[1]) => (hasRaw(tree) ? raw(tree, file) : tree);
}

function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}

/**
 * What GFM's literal autolinks need in one text node (mdast-util-gfm-autolink-literal's four patterns: a
 * URL after `http://`, `https://` or `www.`, any case; an e-mail address, also after `mailto:`/`xmpp:`).
 */
const LINKABLE = /@|https?:\/\/|www\./i;

function hasLinkableText(node: MdastNodes): boolean {
  if (node.type === 'text') return LINKABLE.test(node.value);
  return 'children' in node && node.children.some(hasLinkableText);
}

/**
 * remark-gfm (its two parts, as remark-gfm puts them together), but the literal-autolink pass — GFM's only
 * tree transform: a find-and-replace of four patterns over every text node, ~5% of a Markdown body's
 * parse — runs only on a tree with a text node it could link. The tokenizer links most addresses itself;
 * the pass catches those written with an entity or inside emphasis, which the check sees decoded. The
 * same tree, for less (lib/render/markdown.test.ts compares the two).
 */
function remarkGfmLinkingWhenNeeded(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  const guard = (extension: FromMarkdownExtension): FromMarkdownExtension =>
    extension.transforms
      ? {
          ...extension,
          transforms: extension.transforms.map(
            (transform) => (tree: MdastRoot) => (hasLinkableText(tree) ? transform(tree) : undefined),
          ),
        }
      : extension;
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown().map(guard));
}

// Footnotes are labelled in zh-CN; their ids are prefixed like every other id, by the sanitizer.
const markdownParser = unified()
  .use(remarkParse)
  .use(remarkGfmLinkingWhenNeeded)
  // CommonMark does not close `**重点。**后文` (punctuation before the closing run, a letter after it), so
  // Chinese text shows raw asterisks; these make emphasis and ~~strikethrough~~ work next to CJK punctuation.
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    // Plain ids: the sanitizer prefixes every id it keeps once, and in-page-links.ts points links at it.
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteBackLabel: (referenceIndex: number) => `回到正文第 ${referenceIndex + 1} 处引用`,
  })
  .use(rehypeRawWhenNeeded)
  .freeze();

/** A line holding one image tag and nothing else (up to three spaces in: more is indented code). */
const IMAGE_LINE = /^ {0,3}<img\b[^<>]*>\s*$/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * CommonMark reads a line that is only an HTML tag as the start of an HTML block running to the next
 * blank line, so the caption authors write under a pasted `<img>` (`*摄于清晨*`) would stay raw text.
 * A blank line after such an image line, outside code fences, lets that line be Markdown again.
 */
export function separateImageLines(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const next = lines[i + 1]!;
    if (IMAGE_LINE.test(line) && next.trim() !== '' && !/^\s*</.test(next)) lines[i] = `${line}\n`;
  }
  return lines.join('\n');
}

export function parseBody(body: string, format: BodyFormat): Root {
  if (format === 'markdown') return markdownParser.runSync(markdownParser.parse(separateImageLines(body))) as Root;
  return parseSimpleHtml(body) ?? htmlParser.parse(body);
}
