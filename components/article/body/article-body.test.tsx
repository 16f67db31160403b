import { readFileSync } from 'node:fs';
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderArticleTree } from '@/lib/render/pipeline';
import { ArticleBody } from './article-body';
import { IMAGE_FAILED, VIEW_FULL_SIZE } from './article-image';
import { NEW_TAB_HINT } from './external-link';

const sample = readFileSync(new URL('../../../lib/render/fixtures/sample-article.html', import.meta.url), 'utf8');
const parser = unified().use(rehypeParse, { fragment: true });

/** The rendered page fragment, parsed back the way a browser would read it. */
function renderPage(html: string): { markup: string; root: Root; all: Element[] } {
  const markup = renderToStaticMarkup(<ArticleBody body={html} />);
  const root = parser.parse(markup);
  const all: Element[] = [];
  const collect = (node: Root | Element) =>
    node.children.forEach((child: RootContent) => {
      if (child.type === 'element') {
        all.push(child);
        collect(child);
      }
    });
  collect(root);
  return { markup, root, all };
}

const classes = (el: Element) => (el.properties.className as string[] | undefined) ?? [];
const text = (el: Element) => toString(el).replace(/\s+/g, ' ').trim();

describe('ArticleBody on an article in the source format', () => {
  const { markup, root, all } = renderPage(sample);
  const tags = (name: string) => all.filter((el) => el.tagName === name);
  const pictures = tags('img');

  it('renders the blocks directly, with no wrapper around the whole body', () => {
    // React also emits a preload <link> for the eager first picture; in a page it is hoisted into <head>.
    const top = root.children.filter((c): c is Element => c.type === 'element' && c.tagName !== 'link');
    expect(top[0]?.tagName).toBe('p');
    expect(classes(top[0]!)).toContain('source-remark');
    expect(top.length).toBeGreaterThan(10);
  });

  it('shows three section headings, each with an id and a labelled "#" permalink to it', () => {
    const headings = tags('h2');
    expect(headings.map(text)).toEqual(['一张饼，二十年', '街坊的“食堂”', '还能坚持多久？']);
    for (const h2 of headings) {
      const id = String(h2.properties.id);
      expect(id).toMatch(/^user-content-\S+$/);
      const anchor = all.find((el) => el.tagName === 'a' && el.properties.href === `#${id}`);
      expect(anchor, id).toBeDefined();
      expect(anchor!.properties.ariaLabel).toBe(`链接到本节：${text(h2)}`);
      expect(text(anchor!)).toBe('#');
      const hash = anchor!.children.find((c): c is Element => c.type === 'element');
      expect(hash?.properties.ariaHidden).toBe('true');
    }
    // The TOC the page builds from the analysis points at exactly these ids.
    expect(renderArticleTree(sample).analysis.toc.map((e) => e.id)).toEqual(headings.map((h) => h.properties.id));
  });

  it('turns captioned pictures into figures, the caption becoming alt text and figcaption', () => {
    const figures = tags('figure');
    expect(figures).toHaveLength(3);
    const captions = figures.map((f) =>
      f.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption'),
    );
    expect(captions.map((c) => (c ? text(c) : null))).toEqual([
      '老周的煎饼摊，早上七点前后人最多',
      '排队买早点的街坊',
      null,
    ]);
    expect(pictures.map((img) => img.properties.alt)).toEqual([
      '老周的煎饼摊，早上七点前后人最多',
      '排队买早点的街坊',
      '',
    ]);
  });

  it('finds the real address behind src, _src and data-src, and reserves each picture’s size', () => {
    expect(pictures.map((img) => img.properties.src)).toEqual([
      'https://img.example-cdn.cn/2023/06/jianbing-stall.jpg?imageView2/2/w/1000/format/jpg',
      'https://img.example-cdn.cn/2023/06/neighbours.png',
      'https://img.example-cdn.cn/2023/06/morning-light.jpg',
    ]);
    expect(pictures.map((img) => [img.properties.width, img.properties.height])).toEqual([
      [800, 600],
      [640, 427],
      [1200, 800],
    ]);
  });

  it('loads the first picture eagerly at high priority and the rest lazily, all without a referrer', () => {
    const [first, ...rest] = pictures;
    expect(first?.properties.loading).toBeUndefined();
    expect(first?.properties.fetchPriority).toBe('high');
    for (const img of rest) {
      expect(img.properties.loading).toBe('lazy');
      expect(img.properties.decoding).toBe('async');
    }
    for (const img of pictures) {
      expect(img.properties.referrerPolicy).toBe('no-referrer');
      expect(classes(img)).toEqual(expect.arrayContaining(['h-auto', 'max-w-full']));
      expect(classes(img)).not.toContain('lazyImg');
    }
  });

  it('makes each figure’s picture a link to itself (opened full size on the page), still read as the picture', () => {
    const figures = tags('figure');
    for (const [i, figure] of figures.entries()) {
      const zoom = figure.children
        .flatMap((c) => (c.type === 'element' ? [c, ...c.children] : []))
        .find((c): c is Element => c.type === 'element' && c.tagName === 'a' && classes(c).includes('image-zoom'));
      const img = zoom?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
      expect(img?.properties.src, `figure ${i}`).toBe(pictures[i]?.properties.src);
      expect(zoom!.properties.href).toBe(pictures[i]?.properties.src);
      expect(zoom!.properties.referrerPolicy).toBe('no-referrer');
      expect(zoom!.properties.ariaHasPopup).toBe('dialog');
      // The link's name is the picture's alt text followed by what the link does.
      expect(text(zoom!)).toBe(VIEW_FULL_SIZE);
      expect(img!.properties.alt).toBe(
        i < 2
          ? text(figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption')!)
          : '',
      );
    }
  });

  it('gives every picture a hidden fallback: its alt text, the failure and a link to the original', () => {
    const fallbacks = all.filter((el) => classes(el).includes('image-fallback'));
    expect(fallbacks).toHaveLength(3);
    for (const [i, fallback] of fallbacks.entries()) {
      expect(fallback.properties.hidden).toBe(true);
      expect(text(fallback)).toContain(`（${IMAGE_FAILED}）`);
      const original = fallback.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
      expect(original?.properties.href).toBe(pictures[i]?.properties.src);
      expect(original?.properties.target).toBe('_blank');
      expect(original?.properties.referrerPolicy).toBe('no-referrer');
    }
    expect(text(fallbacks[0]!)).toMatch(/^老周的煎饼摊，早上七点前后人最多 （图片无法加载）/);
  });

  it('keeps a caption whose picture is missing as a muted note', () => {
    const note = tags('p').find((p) => classes(p).includes('image-note'));
    expect(note && text(note)).toBe('（原图已失效）');
    expect(classes(note!)).toContain('text-muted');
  });

  it('sets the source notes apart, muted, with the publication link kept', () => {
    const remarks = tags('p').filter((p) => classes(p).includes('source-remark'));
    expect(remarks).toHaveLength(2);
    for (const remark of remarks) {
      expect(classes(remark)).toContain('text-muted');
      expect(text(remark)).toMatch(/^本文来自微信公众号：城南旧事研究所（ID：chengnan_lab）/);
      const link = remark.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
      expect(link?.properties.href).toBe('https://mp.weixin.qq.com/s?__biz=FAKEBIZ==&mid=1001&idx=1#rd');
    }
  });

  it('opens outbound links in a new tab, says so to screen readers, and leaves site links alone', () => {
    // The pictures' own links (view full size, open the original) are tested with the pictures.
    const links = tags('a').filter(
      (a) => !['heading-anchor', 'image-zoom', 'image-fallback-link'].some((c) => classes(a).includes(c)),
    );
    const outbound = links.filter((a) => String(a.properties.href).startsWith('http'));
    expect(outbound).toHaveLength(3);
    for (const a of outbound) {
      expect(a.properties.target).toBe('_blank');
      expect(a.properties.rel).toEqual(['nofollow', 'noopener', 'noreferrer']);
      expect(text(a)).toContain(NEW_TAB_HINT);
      const hint = a.children.find((c): c is Element => c.type === 'element' && classes(c).includes('sr-only'));
      expect(hint && text(hint)).toBe(NEW_TAB_HINT);
    }
    const local = links.find((a) => a.properties.href === '/articles/laojie-zaodian');
    expect(local?.properties.target).toBeUndefined();
    expect(local?.properties.rel).toBeUndefined();
    expect(text(local!)).toBe('上一篇文章');
  });

  it('drops the source’s spacer paragraphs, styles and junk attributes', () => {
    expect(markup).not.toMatch(
      /<p><br\/?><\/p>| style=| label=|_src|data-src|data-w|lazyImg|img-center-box|text-remarks|text-img-note/,
    );
  });
});

describe('ArticleBody with hostile markup in the source format', () => {
  const hostile =
    '<div><p>正文第一段。<img src="x" onerror="alert(1)"></p>' +
    '<h3 label="大标题" class="text-big-title" onclick="alert(2)">小节<script>alert(3)</script></h3>' +
    '<p class="img-center-box"><img _src="javascript:alert(4)" data-src="https://img.example-cdn.cn/ok.jpg" data-w="10" data-h="10"></p>' +
    '<p label="图片备注" class="text-img-note">图注<svg onload="alert(5)"></svg><br></p>' +
    '<p><a href="&#106;avascript:alert(6)">看这里</a><a href="https://example.org" onmouseover="alert(7)">外链</a></p>' +
    '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="pw"><button>提交</button></form>' +
    '<style>body{display:none}</style><math><mtext><table><mglyph><style><img src=x onerror=alert(8)></style></mglyph></table></mtext></math>' +
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><p id="__proto__" name="cookie">结尾。</p></div>';
  const { markup, all } = renderPage(hostile);

  it('renders the readable parts', () => {
    expect(markup).toContain('正文第一段。');
    expect(all.filter((el) => el.tagName === 'h2').map(text)).toEqual(['小节']);
    expect(all.filter((el) => el.tagName === 'figcaption').map(text)).toEqual(['图注']);
    expect(all.find((el) => el.tagName === 'img')?.properties.src).toBe('https://img.example-cdn.cn/ok.jpg');
    expect(markup).toContain('结尾。');
  });

  it('lets nothing executable through', () => {
    // A frame from a host that is not an allowed player becomes an ordinary outbound link that says what it was.
    const frameLink =
      /<p><a href="https:\/\/evil\.example\/" target="_blank" rel="nofollow noopener noreferrer" class="external-link">外部内容：evil\.example.*?<\/a><\/p>/;
    expect(markup).toMatch(frameLink);
    expect(markup.replace(frameLink, '')).not.toMatch(
      /alert|javascript:|<script|<iframe|<form|<input|<button|<style|<svg|<math|<base|<meta|__proto__|cookie|evil|onerror|onclick|onload|onmouseover/i,
    );
    const deadLink = all.find((el) => text(el) === '看这里');
    expect(deadLink?.tagName).toBe('span');
  });
});

describe('ArticleBody given a prepared tree', () => {
  it('renders exactly what it renders from the HTML', () => {
    const { tree } = renderArticleTree(sample);
    expect(renderToStaticMarkup(<ArticleBody tree={tree} />)).toBe(renderToStaticMarkup(<ArticleBody body={sample} />));
  });
});

describe('ArticleBody with pictures that are not figures of their own', () => {
  it('leaves a linked or inline picture as it is: no second link inside a link, no zoom', () => {
    const { markup, all } = renderPage(
      '<p><a href="https://example.org/story"><img src="https://img.example-cdn.cn/a.jpg" alt="封面"></a></p><p>文中<img src="/demo/x.png" alt="小图">一张</p>',
    );
    expect(markup).not.toContain('image-zoom');
    const link = all.find((el) => el.tagName === 'a' && el.properties.href === 'https://example.org/story');
    const nested = (el: Element): Element[] =>
      el.children.flatMap((c) => (c.type === 'element' ? [c, ...nested(c)] : []));
    expect(nested(link!).filter((el) => el.tagName === 'a')).toEqual([]);
    // Both still collapse to words when they fail.
    const fallbacks = all.filter((el) => classes(el).includes('image-fallback'));
    expect(fallbacks.map(text)).toEqual(['封面 （图片无法加载）', '小图 （图片无法加载）']);
  });
});
