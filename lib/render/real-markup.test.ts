// Markup real scraped sources write beyond the reference sample, each case in its own words and
// compared as exact HTML after the whole pipeline (transforms + sanitizer).
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderArticleTree } from './pipeline';

const html = (body: string) => toHtml(renderArticleTree(body, 'html').tree);
const FIRST = 'referrerpolicy="no-referrer" fetchpriority="high" class="zoomable"';
const LAZY = 'referrerpolicy="no-referrer" loading="lazy" decoding="async" class="zoomable"';

describe('section headings and captions as sources write them', () => {
  it('drops the <br> a 大标题 heading ends with', () => {
    expect(html('<h3 label="大标题" class="text-big-title">巷口的变化<br></h3><p>正文。</p>')).toBe(
      '<div class="section-heading"><h2 id="user-content-巷口的变化">巷口的变化</h2><a href="#user-content-巷口的变化" class="heading-anchor" aria-label="链接到本节：巷口的变化"><span aria-hidden="true">#</span></a></div><p>正文。</p>',
    );
  });

  it('finds the 图片备注 marker on a <br> inside the caption', () => {
    expect(
      html(
        '<p class="img-center-box"><img src="https://img.example.cn/lane.jpg"></p><p>傍晚的巷口<br label="图片备注" class="text-img-note"></p>',
      ),
    ).toBe(
      `<figure><img src="https://img.example.cn/lane.jpg" alt="傍晚的巷口" ${FIRST}><figcaption>傍晚的巷口</figcaption></figure>`,
    );
  });

  it('keeps an inline source remark inside its sentence', () => {
    expect(
      html('<p>据统计<span class="text-remarks" label="备注">（编者注：数字来自街道办）</span>，住户减少了一半。</p>'),
    ).toBe('<p>据统计<span class="source-remark">（编者注：数字来自街道办）</span>，住户减少了一半。</p>');
  });

  it('keeps a <figure> the source already wrote, with its caption', () => {
    expect(html('<figure><img src="https://img.example.cn/door.jpg"><figcaption>门墩儿</figcaption></figure>')).toBe(
      `<figure><img src="https://img.example.cn/door.jpg" alt="" ${FIRST}><figcaption>门墩儿</figcaption></figure>`,
    );
  });
});

describe('broken and lazy images', () => {
  it('survives malformed and valueless attributes, and keeps a literal | in the address', () => {
    expect(html('<p class><img data-w="data-h=" data-v-408909ad src="https://mmbiz.qpic.cn/pic/a.jpg|600"></p>')).toBe(
      `<figure><img src="https://mmbiz.qpic.cn/pic/a.jpg|600" alt="" ${FIRST}></figure>`,
    );
  });

  it('takes the real picture from data-original, data-actualsrc or srcset, never the placeholder', () => {
    const body =
      '<p><img src="https://static.example.cn/images/loadimg.gif" data-original="https://cdn.example.cn/real-1.jpg"></p>' +
      '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-actualsrc="https://pic1.zhimg.com/v2-real_r.jpg"></p>' +
      '<p><img src="data:image/png;base64,iVBORw0KGgo=" srcset="https://img.example.cn/s.jpg 480w, https://img.example.cn/l.jpg 1200w"></p>' +
      '<p><img src="https://static.example.cn/blank.gif"></p>';
    expect(html(body)).toBe(
      `<figure><img src="https://cdn.example.cn/real-1.jpg" alt="" ${FIRST}></figure>` +
        `<figure><img src="https://pic1.zhimg.com/v2-real_r.jpg" alt="" ${LAZY}></figure>` +
        `<figure><img src="https://img.example.cn/l.jpg" alt="" ${LAZY}></figure>`,
    );
  });
});

describe('embedded players', () => {
  it('turns a frame from an allowed host (src or data-src) into a sandboxed embed, youtube.com into its no-cookie host', () => {
    expect(
      html(
        '<p>视频如下：</p><iframe src="//player.bilibili.com/player.html?bvid=BV1xx411c7mD" width="640" height="360" frameborder="0" allowfullscreen></iframe>' +
          '<iframe data-src="https://v.qq.com/txp/iframe/player.html?vid=x00001" src="about:blank"></iframe>' +
          '<iframe src="https://www.youtube.com/embed/abcdefghijk" title="访谈"></iframe>',
      ),
    ).toBe(
      '<p>视频如下：</p>' +
        '<div class="article-embed" data-embed-src="https://player.bilibili.com/player.html?bvid=BV1xx411c7mD" data-embed-title="哔哩哔哩播放器" data-embed-ratio="640 / 360"></div>' +
        '<div class="article-embed" data-embed-src="https://v.qq.com/txp/iframe/player.html?vid=x00001" data-embed-title="腾讯视频播放器"></div>' +
        '<div class="article-embed" data-embed-src="https://www.youtube-nocookie.com/embed/abcdefghijk" data-embed-title="访谈"></div>',
    );
  });

  it('turns any other frame into a link to it, and a frame with no address into a note', () => {
    expect(html('<iframe src="https://tracker.example.net/widget?id=1"></iframe><iframe></iframe>')).toBe(
      '<p><a href="https://tracker.example.net/widget?id=1" target="_blank" rel="nofollow noopener noreferrer" class="external-link">外部内容：tracker.example.net</a></p>' +
        '<p>（此处原有嵌入内容，已略去）</p>',
    );
    expect(
      html('<iframe src="javascript:alert(1)"></iframe><iframe src="https://v.qq.com.evil.example/x"></iframe>'),
    ).not.toMatch(/article-embed|javascript/);
  });

  it('keeps audio and video with http(s) sources as native players that never play by themselves', () => {
    expect(
      html(
        '<video src="https://media.example.cn/a.mp4" autoplay loop poster="https://media.example.cn/a.jpg" width="640" height="360"></video>' +
          '<audio controls autoplay><source src="https://media.example.cn/a.mp3" type="audio/mpeg"><source src="javascript:x"></audio>' +
          '<video src="data:video/mp4;base64,AAAA"></video>',
      ),
    ).toBe(
      '<video controls preload="none" src="https://media.example.cn/a.mp4" poster="https://media.example.cn/a.jpg" width="640" height="360" playsinline></video>' +
        '<audio controls preload="none"><source src="https://media.example.cn/a.mp3" type="audio/mpeg"></audio>',
    );
  });
});

describe('blocks', () => {
  it('reads a WeChat quote box as a quotation', () => {
    expect(
      html(
        '<section class="js_blockquote_wrap" data-type="2"><section class="js_blockquote_digest"><p>慢慢走，欣赏啊。</p></section></section>',
      ),
    ).toBe('<blockquote><p>慢慢走，欣赏啊。</p></blockquote>');
  });

  it('maps h1 and h2 to sections under the page title, and h4 one level down', () => {
    expect(html('<h1>开篇</h1><p>一。</p><h4>细节</h4><p>二。</p>')).toBe(
      '<div class="section-heading"><h2 id="user-content-开篇">开篇</h2><a href="#user-content-开篇" class="heading-anchor" aria-label="链接到本节：开篇"><span aria-hidden="true">#</span></a></div><p>一。</p><h3>细节</h3><p>二。</p>',
    );
  });

  it('keeps the meaning of deeply nested styled spans and drops their styles', () => {
    expect(
      html(
        '<p><span style="color:#c00"><span style="font-size:18px"><strong><span style="x">要紧</span></strong></span></span>的一句</p>',
      ),
    ).toBe('<p><span><span><strong><span>要紧</span></strong></span></span>的一句</p>');
  });

  it('keeps tables, lists nested in lists, and quotes', () => {
    expect(
      html(
        '<table><tr><th>年份</th><th>户数</th></tr><tr><td>1990</td><td>36</td></tr></table><ul><li>东院<ul><li>北房</li></ul></li></ul>',
      ),
    ).toBe(
      '<table><tbody><tr><th>年份</th><th>户数</th></tr><tr><td>1990</td><td>36</td></tr></tbody></table><ul><li>东院<ul><li>北房</li></ul></li></ul>',
    );
  });

  it('makes paragraphs of a body of plain text with blank lines', () => {
    expect(html('第一段，没有标签。\n\n第二段的第一行。\n第二段的第二行。\n\n\n第三段。\n')).toBe(
      '<p>第一段，没有标签。</p><p>第二段的第一行。\n第二段的第二行。</p><p>第三段。\n</p>',
    );
  });

  it('keeps traditional Chinese, Japanese and emoji as they are', () => {
    expect(html('<p>這是繁體。これは日本語です。🏮😀</p>')).toBe('<p>這是繁體。これは日本語です。🏮😀</p>');
  });
});
