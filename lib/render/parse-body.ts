// The first step of the pipeline: a body, in its language, to a hast tree. HTML goes through the fast
// exact parser when it can (simple-html.ts) and parse5 otherwise; Markdown through remark (CommonMark +
// GFM: tables, strikethrough, autolinks, task lists, footnotes), its raw HTML kept through rehype-raw so
// that the 图片备注 captions and embeds authors write between Markdown lines reach the same transforms.
// Everything after this step is shared: one set of transforms, one sanitizer.
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { BodyFormat } from './body-format';
import { parseSimpleHtml } from './simple-html';

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();

// Footnotes are labelled in zh-CN; their ids are prefixed like every other id, by the sanitizer.
const markdownParser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    // Plain ids: the sanitizer prefixes every id it keeps once, and in-page-links.ts points links at it.
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteBackLabel: (referenceIndex: number) => `回到正文第 ${referenceIndex + 1} 处引用`,
  })
  .use(rehypeRaw)
  .freeze();

export function parseBody(body: string, format: BodyFormat): Root {
  if (format === 'markdown') return markdownParser.runSync(markdownParser.parse(body)) as Root;
  return parseSimpleHtml(body) ?? htmlParser.parse(body);
}
