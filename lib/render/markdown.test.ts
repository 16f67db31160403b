// Markdown bodies go through remark (CommonMark + GFM) into the same hast transforms and sanitizer as
// HTML ones: section headings and TOC, figures with the captions Markdown authors write, footnotes.
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderCorpusArticle } from '@/bench/corpus-article';
import { splitFrontMatter } from '@/lib/content/front-matter';
import { separateImageLines } from './parse-body';
import { createArticleProcessor, renderArticleTree } from './pipeline';

const md = (body: string) => renderArticleTree(body, 'markdown');
const html = (body: string) => toHtml(md(body).tree);
const FIRST = 'referrerpolicy="no-referrer" fetchpriority="high" class="zoomable"';
const LAZY = 'referrerpolicy="no-referrer" loading="lazy" decoding="async" class="zoomable"';
const heading = (text: string) =>
  `<div class="section-heading"><h2 id="user-content-${text}">${text}</h2><a href="#user-content-${text}" class="heading-anchor" aria-label="链接到本节：${text}"><span aria-hidden="true">#</span></a></div>`;

describe('Markdown bodies', () => {
  it('turns # and ## headings into sections with a table of contents, ### into sub-headings', () => {
    const { tree, analysis } = md('# 清晨\n\n胡同醒得早。\n\n## 傍晚\n\n灯一盏盏亮起。\n\n### 细处\n\n门墩儿。\n');
    expect(toHtml(tree)).toBe(
      `${heading('清晨')}\n<p>胡同醒得早。</p>\n${heading('傍晚')}\n<p>灯一盏盏亮起。</p>\n${heading('细处')}\n<p>门墩儿。</p>`,
    );
    expect(analysis.toc.map((t) => t.text)).toEqual(['清晨', '傍晚', '细处']);
  });

  it('reads paragraphs, emphasis, quotes, links and code, with outbound links marked', () => {
    expect(
      html(
        '一段话里有**重点**和*语气*。\n\n> 引一句老话。\n\n见[街道办](https://example.gov.cn/notice)的通知，代码 `ls -la`。',
      ),
    ).toBe(
      '<p>一段话里有<strong>重点</strong>和<em>语气</em>。</p>\n<blockquote>\n<p>引一句老话。</p>\n</blockquote>\n' +
        '<p>见<a href="https://example.gov.cn/notice" target="_blank" rel="nofollow noopener noreferrer" class="external-link">街道办</a>的通知，代码 <code>ls -la</code>。</p>',
    );
  });

  it('closes emphasis and strikethrough next to Chinese punctuation, as Chinese writers put it', () => {
    // CommonMark alone leaves these asterisks raw: the closing run follows "。" and precedes a letter.
    expect(html('**事情还在继续。**有人不同意。')).toBe('<p><strong>事情还在继续。</strong>有人不同意。</p>');
    expect(html('他说：*「再等等。」*然后走了。')).toBe('<p>他说：<em>「再等等。」</em>然后走了。</p>');
    expect(html('~~旧址（已拆）~~新址在东边。')).toBe('<p><del>旧址（已拆）</del>新址在东边。</p>');
    // A lone asterisk is still text.
    expect(html('5*3=15，对吧。')).toBe('<p>5*3=15，对吧。</p>');
  });

  it('supports GFM: tables, strikethrough, autolinks, task lists, footnotes', () => {
    expect(html('| 年份 | 户数 |\n| --- | ---: |\n| 1990 | 36 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>年份</th>\n<th align="right">户数</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1990</td>\n<td align="right">36</td>\n</tr>\n</tbody>\n</table>',
    );
    expect(html('~~旧门牌~~，新门牌见 https://example.cn/map')).toBe(
      '<p><del>旧门牌</del>，新门牌见 <a href="https://example.cn/map" target="_blank" rel="nofollow noopener noreferrer" class="external-link">https://example.cn/map</a></p>',
    );
    expect(html('- [x] 修好门槛\n- [ ] 刷墙')).toBe(
      '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> 修好门槛</li>\n<li class="task-list-item"><input type="checkbox" disabled> 刷墙</li>\n</ul>',
    );
    expect(html('门墩儿[^1]。\n\n[^1]: 也叫门枕石。')).toBe(
      '<p>门墩儿<sup><a id="user-content-fnref-1" href="#user-content-fn-1">1</a></sup>。</p>\n' +
        `${heading('注释')}\n<ol>\n<li id="user-content-fn-1">\n<p>也叫门枕石。 <a aria-label="回到正文第 1 处引用" href="#user-content-fnref-1">↩</a></p>\n</li>\n</ol>\n`,
    );
  });

  it('makes one figure of an image and the caption written after it: a title, an italic line, a bare <figcaption>', () => {
    expect(html('![门楼](https://img.example.cn/a.jpg "雨后的门楼")')).toBe(
      `<figure><img src="https://img.example.cn/a.jpg" alt="门楼" ${FIRST}><figcaption>雨后的门楼</figcaption></figure>`,
    );
    expect(html('![](https://img.example.cn/a.jpg)\n\n![](https://img.example.cn/b.jpg)\n*修车铺的招牌*')).toBe(
      `<figure><img src="https://img.example.cn/a.jpg" alt="" ${FIRST}></figure>\n<figure><img src="https://img.example.cn/b.jpg" alt="修车铺的招牌" ${LAZY}><figcaption>修车铺的招牌</figcaption></figure>`,
    );
    expect(
      html(
        '![老槐树](https://img.example.cn/c.jpg)\n<figcaption>院里的老槐树</figcaption>\n\n*单独一行斜体只是强调。*',
      ),
    ).toBe(
      `<figure><img src="https://img.example.cn/c.jpg" alt="老槐树" ${FIRST}><figcaption>院里的老槐树</figcaption></figure>\n<p><em>单独一行斜体只是强调。</em></p>`,
    );
  });

  it('reads the caption line under a pasted lazy <img> as Markdown, not as part of an HTML block', () => {
    const pasted =
      '<img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-original="https://img.example.cn/d.jpg" alt="修车摊">\n*早上七点，摊子已经摆开了*';
    expect(html(pasted)).toBe(
      `<figure><img src="https://img.example.cn/d.jpg" alt="修车摊" ${FIRST}><figcaption>早上七点，摊子已经摆开了</figcaption></figure>`,
    );
    // In a code block the same lines are code, untouched.
    expect(html('```html\n<img src="a.jpg">\n*不是说明*\n```')).toBe(
      '<pre><code>&#x3C;img src="a.jpg">\n*不是说明*\n</code></pre>',
    );
  });

  it('takes --- in the body for a thematic break', () => {
    expect(html('上一节。\n\n---\n\n下一节。')).toBe('<p>上一节。</p>\n<hr>\n<p>下一节。</p>');
  });

  it("ends the excerpt at Hexo's <!-- more --> and shows nothing there", () => {
    const { tree, analysis } = md('开头这一段是摘要。\n\n<!-- more -->\n\n正文从这里开始，摘要里不该有它。');
    expect(analysis.excerpt).toBe('开头这一段是摘要。');
    expect(toHtml(tree)).toBe(
      '<p>开头这一段是摘要。</p>\n<span class="more-marker"></span>\n<p>正文从这里开始，摘要里不该有它。</p>',
    );
  });

  it('lets raw HTML through to the same sanitizer: nothing executable survives', () => {
    const out = html(
      '正文。\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[点我](javascript:alert(3))\n\n<div onclick="alert(4)">盒子</div>',
    );
    expect(out).not.toMatch(/alert|<script|onerror|onclick|javascript:/);
    expect(out).toContain('盒子');
  });

  it('keeps Liquid and Hexo tags out, but keeps them in code, and says which went', () => {
    const { tree, removedTags } = md(
      '{% note info %}\n提示：这是旧站的提示框。\n{% endnote %}\n\n标题是 {{ page.title }}。\n\n```liquid\n{% for post in site.posts %}\n```\n\n{% raw %}{{ 原样 }}{% endraw %}',
    );
    expect(removedTags).toEqual(['{% note %}', '{% endnote %}', '{{ page.title }}']);
    const out = toHtml(tree);
    expect(out).toContain('提示：这是旧站的提示框。');
    expect(out).toContain('<pre><code>{% for post in site.posts %}\n</code></pre>');
    expect(out).toContain('{{ 原样 }}');
    expect(out).not.toContain('page.title');
  });
});

/**
 * The Markdown parser as its packages publish it, what parse-body.ts shortcuts are checked against:
 * remark-gfm's autolink pass and rehype-raw on every body.
 */
const published = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteLabel: '注释' })
  .use(rehypeRaw)
  .freeze();
const transforms = createArticleProcessor('http://localhost:3000');

describe('the Markdown parser, skipping rehype-raw when a body has no raw HTML', () => {
  const strip = <T extends Nodes>(node: T): T => {
    const copy = { ...node } as T & { position?: unknown; children?: Nodes[]; data?: unknown };
    delete copy.position;
    // parse5 notes the document mode on the root, which nothing reads.
    if (copy.type === 'root') delete copy.data;
    if (copy.children) copy.children = copy.children.map(strip);
    return copy;
  };

  it('gives the very tree rehype-raw gives, on the Markdown half of the bench corpus', () => {
    let skipped = 0;
    for (let i = 1; i < 400; i += 2) {
      const article = renderCorpusArticle(20211201, i);
      const body = splitFrontMatter(article.text).body;
      const expected = transforms.runSync(published.runSync(published.parse(separateImageLines(body))) as Root);
      expect(strip(md(body).tree), article.name).toEqual(strip(expected));
      if (!/<[a-z!]/i.test(body)) skipped++;
    }
    // Most of these bodies have no HTML at all, so the skip is what they take.
    expect(skipped).toBeGreaterThan(50);
  });
});

describe('the Markdown parser, skipping GFM literal autolinks when no text could be one', () => {
  const expected = (body: string) =>
    toHtml(transforms.runSync(published.runSync(published.parse(separateImageLines(body))) as Root));

  // The tokenizer links most addresses itself; the pass catches those it cannot see whole: written
  // with an entity, or inside emphasis. Those must still be linked.
  it.each([
    ['a bare www address', '详见 www.example.com/路径 的公告。'],
    ['capitals', '旧站 WWW.EXAMPLE.COM 与 HTTPS://EXAMPLE.ORG/A 都还在。'],
    ['an http address in a list', '- 来源：http://news.example.cn/2021/12/01.html\n- 另见 https://example.org'],
    ['an e-mail address', '投稿请寄 editor@example.cn，三日内回复。'],
    ['an e-mail address in emphasis', '投稿请寄 _editor@example.cn_。'],
    ['an @ written as an entity', '投稿请寄 editor&#64;example.cn。'],
    ['a w written as an entity', '旧站 &#x77;ww.example.com 已关。'],
    ['a colon written as an entity', '原文 https&#58;//example.com/a 已删。'],
    ['mailto and xmpp', '写信 mailto:a@example.cn 或 xmpp:b@example.cn/手机'],
    ['an address already a link', '见[www.example.com](https://example.com)与<https://example.org>。'],
    ['an address only in code', '命令 `curl https://example.com` 与\n\n```\nwww.example.com\n```'],
    ['nothing to link', '胡同口的早点铺，六点开门，豆浆油条。\n\n## 傍晚\n\n灯一盏盏亮起，@ 不是地址。'],
    ['a weibo handle', '转自微博 @胡同观察，原文已删。'],
  ])('gives remark-gfm’s own links for %s', (_name, body) => {
    expect(html(body)).toBe(expected(body));
  });

  it('links what only the pass links, and nothing in plain text', () => {
    expect(html('投稿请寄 _editor@example.cn_。')).toContain(
      '<a href="mailto:editor@example.cn">editor@example.cn</a>',
    );
    expect(html('旧站 &#x77;ww.example.com 已关。')).toContain('>www.example.com</a>');
    expect(html('原文 https&#58;//example.com/a 已删。')).toContain('>https://example.com/a</a>');
    expect(html('胡同口的早点铺 www。')).not.toContain('<a');
  });
});
