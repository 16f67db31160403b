// Which language a body is written in. Hexo and Jekyll posts are Markdown; the scraped-feed format this
// site started from is HTML even in a .md file (its body opens with a <div>). Decided per file.

export type BodyFormat = 'html' | 'markdown';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** Elements that open a block: a body starting with one of these was written as HTML. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'ul',
]); // prettier-ignore

/** A line that only Markdown would write: a heading, a quote, a list item, a fence, an image or link line. */
const MARKDOWN_LINE =
  /^(?: {0,3}#{1,6}\s+\S| {0,3}>\s?\S| {0,3}[-*+]\s+\S| {0,3}\d{1,9}[.)]\s+\S| {0,3}(?:```|~~~)| {0,3}!\[[^\]]*\]\(|\s*\[[^\]]+\]\([^)]+\)\s*$)/m;

/** The first tag of the body, skipping white space, byte-order marks and comments. */
function leadingTag(body: string): string | null {
  const rest = body.replace(/^(?:\s|\ufeff|<!--[\s\S]*?-->)*/, '');
  return /^<([a-zA-Z][a-zA-Z0-9-]*)[\s/>]/.exec(rest)?.[1]?.toLowerCase() ?? null;
}

/** The lines that do not start with a tag: where Markdown would show itself in an HTML-looking body. */
function bareLines(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !/^\s*</.test(line))
    .join('\n');
}

/**
 * `override` is what the front matter says (`format: markdown|html`, `markdown: true|false`).
 * Otherwise `.html`/`.htm`/`.txt` are HTML, and a Markdown file is HTML when its body opens with a
 * block-level element and nothing in it is written the way only Markdown is.
 */
export function detectBodyFormat(file: string, body: string, override: BodyFormat | null = null): BodyFormat {
  if (override) return override;
  const ext = /\.[^./]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
  if (!MARKDOWN_EXTENSIONS.has(ext)) return 'html';
  const tag = leadingTag(body);
  if (tag === null || !BLOCK_TAGS.has(tag)) return 'markdown';
  return MARKDOWN_LINE.test(bareLines(body)) ? 'markdown' : 'html';
}
