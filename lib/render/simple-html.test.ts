import fs from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '@/lib/content/front-matter';
import { mulberry32 } from '@/bench/prng';
import { renderCorpusArticle } from '@/bench/corpus-article';
import { analyzeTree } from './analyze-tree';
import { detectBodyFormat } from './body-format';
import { createArticleProcessor, renderArticleTree } from './pipeline';
import { parseSimpleHtml } from './simple-html';

/** A tree without source positions, which only parse5 records and nothing downstream reads. */
function withoutPositions<T extends Nodes>(node: T): T {
  const copy = { ...node } as T & { position?: unknown; children?: Nodes[] };
  delete copy.position;
  if (copy.children) copy.children = copy.children.map(withoutPositions);
  return copy;
}

/** What the pipeline gave before the fast parser: parse5 (rehype-parse), the transforms, the sanitizer, the analysis. */
const reference = createArticleProcessor('http://localhost:3000');
const parse5 = unified().use(rehypeParse, { fragment: true });

function parse5Tree(html: string): Root {
  return withoutPositions(parse5.parse(html));
}

function referenceRender(html: string) {
  const tree = reference.runSync(parse5.parse(html));
  return { tree: withoutPositions(tree), analysis: analyzeTree(tree) };
}

function bodies(): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const demo = path.join(process.cwd(), 'content');
  for (const file of fs.readdirSync(demo, { recursive: true }).map(String)) {
    if (!/\.(html|md|markdown|txt)$/.test(file)) continue;
    try {
      const body = splitFrontMatter(fs.readFileSync(path.join(demo, file), 'utf8')).body.trim();
      // HTML bodies only: Markdown ones never reach an HTML parser.
      if (detectBodyFormat(file, body) === 'html') out.push({ name: `content/${file}`, body });
    } catch {
      // A deliberately broken demo file has no body to compare.
    }
  }
  out.push({
    name: 'fixtures/sample-article.html',
    body: fs.readFileSync(new URL('./fixtures/sample-article.html', import.meta.url), 'utf8'),
  });
  // The benchmark's generator, the same articles `npm run bench` builds (its HTML half, 500 of them here).
  for (let i = 0; i < 1000; i++) {
    const article = renderCorpusArticle(20211201, i);
    if (article.format !== 'html') continue;
    try {
      out.push({ name: `corpus/${article.name}`, body: splitFrontMatter(article.text).body.trim() });
    } catch {
      // The generator writes a few broken files on purpose; their bodies are not articles.
    }
  }
  return out;
}

describe('parseSimpleHtml against parse5 (rehype-parse)', () => {
  const all = bodies();

  it('reads the demo content and the generated corpus itself, into the very tree parse5 builds', () => {
    let accepted = 0;
    for (const { name, body } of all) {
      const simple = parseSimpleHtml(body);
      if (simple === null) continue;
      accepted++;
      expect(simple, name).toEqual(parse5Tree(body));
    }
    // The point of the fast path: nearly every real body takes it.
    expect(accepted / all.length).toBeGreaterThan(0.95);
  });

  it('leaves excerpt, table of contents, reading time and first image exactly as they were, on every body', () => {
    for (const { name, body } of all) {
      const fast = renderArticleTree(body);
      const slow = referenceRender(body);
      expect(fast.analysis, name).toEqual(slow.analysis);
      expect(withoutPositions(fast.tree), name).toEqual(slow.tree);
    }
  });

  it('hands anything outside the plain subset back to parse5', () => {
    for (const html of [
      '<p>未闭合',
      '<p>一<div>二</div></p>',
      '<b>一<i>二</b>三</i>',
      '<a href="/x">一<a href="/y">二</a></a>',
      '<ul><li>一<li>二</ul>',
      '<h2>一<h3>二</h3></h2>',
      '<p>一</p></p>',
      '<!-- 注释 --><p>一</p>',
      '<script>alert(1)</script>',
      '<table><tr><td>一</td></tr></table>',
      '<svg><circle/></svg>',
      '<span/>',
      '<p>AT&T</p>',
      '<p>&unknown;</p>',
      '<p>&#0;</p>',
      '<p>一\r\n二</p>',
      '<img src="a"alt="b">',
      '<img src=a src=b>',
      '<p>1 < 2</p>',
      '<br></br>',
      '<template><p>一</p></template>',
    ]) {
      expect(parseSimpleHtml(html), html).toBeNull();
    }
  });

  it('agrees with parse5 on random mixes of valid and broken markup whenever it accepts one', () => {
    const random = mulberry32(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const tags = [
      'p',
      'div',
      'span',
      'a',
      'strong',
      'em',
      'b',
      'h1',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'blockquote',
      'figure',
      'figcaption',
      'section',
      'code',
      'sup',
      'table',
      'script',
      'template',
      'svg',
      'font',
      'center',
    ];
    const voids = ['img', 'br', 'hr', 'wbr', 'input'];
    const texts = [
      '文字',
      ' ',
      '\n',
      'a&amp;b',
      '&lt;x&gt;',
      '&nbsp;',
      '&#20013;',
      '&#x4E2D;',
      '&copy;',
      '&',
      'x & y',
      '1 > 0',
      '“引号”',
      '&hellip;',
      '&#128512;',
      '\t',
    ];
    const attrs = [
      ' class="text-big-title"',
      ' label="大标题"',
      " class='img-center-box'",
      ' href="https://example.com/a?b=1&amp;c=2"',
      ' href=/plain',
      ' data-w="800" data-h="600"',
      ' _src="https://img.example.com/a.jpg"',
      ' src="data:image/png;base64,AAAA"',
      ' style="color:red"',
      ' onclick="x()"',
      ' hidden',
      ' CLASS="Upper"',
      ' title="a &quot;b&quot;"',
      ' width=10 height=20',
      ' class="a  b\tc"',
      ' id="constructor"',
      ' tabindex="1"',
    ];
    const fragment = (depth: number): string => {
      let out = '';
      const count = 1 + Math.floor(random() * 4);
      for (let n = 0; n < count; n++) {
        const roll = random();
        if (roll < 0.35 || depth > 4) out += pick(texts);
        else if (roll < 0.5) out += `<${pick(voids)}${random() < 0.5 ? pick(attrs) : ''}${random() < 0.2 ? '/' : ''}>`;
        else {
          const tag = pick(tags);
          const close = random() < 0.9 ? `</${random() < 0.9 ? tag : pick(tags)}>` : '';
          out += `<${random() < 0.1 ? tag.toUpperCase() : tag}${random() < 0.5 ? pick(attrs) : ''}>${fragment(depth + 1)}${close}`;
        }
      }
      return out;
    };
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const html = fragment(0);
      const simple = parseSimpleHtml(html);
      if (simple === null) continue;
      accepted++;
      expect(simple, html).toEqual(parse5Tree(html));
      expect(analyzeTree(renderArticleTree(html).tree), html).toEqual(referenceRender(html).analysis);
    }
    // Both kinds were exercised: the comparison above is not vacuous.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(3000);
  });
});
