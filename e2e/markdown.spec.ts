// A Markdown article (Hexo's native format) and one in the scraped reference format, side by side through
// the real pages: headings and the table of contents, figures with captions, a table, a quotation, an
// allowed player and a refused frame, tags, the excerpt before <!-- more -->, and the old-address redirects.
import { expect, test } from '@playwright/test';

const MARKDOWN = { slug: 'courtyard-garden', title: '院子里的菜园：一年的流水账' };
const REFERENCE = { slug: 'village-library', title: '一座村小图书馆的十年' };

test('a Markdown article reads as an article: sections, figures with captions, a table, a quote, footnotes', async ({
  page,
}) => {
  await page.goto(`/articles/${MARKDOWN.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKDOWN.title);
  const body = page.locator('.prose-article');
  // No Markdown left raw.
  await expect(body).not.toContainText('![');
  await expect(body).not.toContainText('](/demo');
  await expect(body).not.toContainText('| 月份 |');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText([
    '春天：先和土打交道',
    '种什么，什么时候种',
    '夏天：和虫子、雨水较劲',
    '秋天：分给整条胡同',
    '注释',
  ]);
  // The table of contents lists them and leads to them.
  const toc = page.getByRole('navigation', { name: '文章目录' });
  await expect(toc.locator('a')).toHaveCount(5);
  // An image title and an italic line under an image are captions.
  await expect(body.locator('figure:has(img) figcaption')).toHaveText([
    '刚翻好的菜地，旁边就是邻居家的后窗',
    '八月摘下的第一篮菜，西红柿还带着点青',
  ]);
  await expect(body.locator('figure img').first()).toHaveAttribute('alt', '院子西墙根下的菜地');
  await expect(body.getByRole('table')).toContainText('大白菜');
  await expect(body.locator('blockquote')).toContainText('土不养好，种什么都白搭');
  await expect(body.locator('hr')).toHaveCount(1);
  // The footnote reference leads to the note.
  await body.locator('sup a').first().click();
  await expect(page).toHaveURL(/#user-content-fn-1$/);
  await expect(page.locator('#user-content-fn-1')).toContainText('晾的衣服');
  // 更新于 beside the date, and the tags link to their pages (a name with "%" included).
  await expect(page.locator('header').getByText('更新于')).toBeVisible();
  await page.getByRole('list', { name: '标签' }).getByRole('link', { name: '#100%自己种' }).click();
  await expect(page).toHaveURL(/\/tags\/100%25/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：100%自己种');
  await expect(page.getByRole('link', { name: MARKDOWN.title })).toBeVisible();
});

test('a scraped post written in Markdown: credit lines as source notes, Chinese emphasis, a pasted lazy image', async ({
  page,
}) => {
  await page.goto('/articles/bike-repair-stall');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('修车摊的周师傅');
  // No date in the file: the Jekyll file name's date is the article's.
  await expect(page.locator('header time').first()).toHaveAttribute('datetime', /^2024-09-1[34]T/);
  const body = page.locator('.prose-article');
  await expect(body).not.toContainText('**');
  await expect(body).not.toContainText('~~');
  await expect(body.locator('strong').first()).toHaveText('修车这件事，急不得。');
  await expect(body.locator('del')).toHaveText('十年前');
  // The opening and closing credit lines read as source notes, not as a quotation and a paragraph.
  await expect(body.locator('blockquote')).toHaveCount(0);
  await expect(body.locator('p.source-remark')).toHaveCount(2);
  await expect(body.locator('p.source-remark').first()).toContainText('本文来自微信公众号：胡同观察');
  // The pasted lazy image shows the real picture with the italic line under it as its caption.
  const pasted = body.locator('figure', { has: page.locator('img[src="/demo/cycling-street.jpg"]') });
  await expect(pasted.locator('figcaption')).toHaveText('早上七点，修车摊已经摆开了');
  await expect(body.locator('img[src^="data:"]')).toHaveCount(0);
  await expect(body).not.toContainText('*早上七点');
  await expect(body.getByRole('table')).toContainText('大年初一到初三');
});

test('a player from an allowed host is a sandboxed frame; any other frame is a link', async ({ page }) => {
  await page.goto(`/articles/${MARKDOWN.slug}`);
  const player = page.locator('.prose-article iframe');
  await expect(player).toHaveCount(1);
  await expect(player).toHaveAttribute('src', /^https:\/\/player\.bilibili\.com\/player\.html\?bvid=BV1Hutong0001/);
  await expect(player).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
  await expect(player).toHaveAttribute('loading', 'lazy');
  await expect(player).toHaveAttribute('title', '阳台种菜：给西红柿打杈');
  const refused = page
    .locator('.prose-article')
    .getByRole('link', { name: /外部内容：widgets\.weather\.example\.com/ });
  await expect(refused).toHaveAttribute('href', 'https://widgets.weather.example.com/embed?city=beijing');
  await expect(refused).toHaveAttribute('rel', 'nofollow noopener noreferrer');
});

test('the reference format still reads the same: 大标题 sections, captioned figures, source notes', async ({
  page,
}) => {
  await page.goto(`/articles/${REFERENCE.slug}`);
  const body = page.locator('.prose-article');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText([
    '从一箱书开始',
    '一个人的借阅制度',
    '难处与坚持',
    '十年以后',
  ]);
  await expect(body.locator('figure figcaption').first()).toHaveText('十年间，书架从两个增加到了八个，藏书接近五千册');
  await expect(body.locator('figure img').first()).toHaveAttribute('referrerpolicy', 'no-referrer');
});

test('listings show the excerpt a Markdown article ends at <!-- more -->, or its description', async ({ page }) => {
  await page.goto('/tags/%E7%A7%8D%E8%8F%9C');
  const card = page.locator('article', { has: page.getByRole('link', { name: MARKDOWN.title }) });
  await expect(card).toContainText('搬进这个小院的第一个春天');
  await expect(card).not.toContainText('写给同样住在胡同里');
  await page.goto(`/tags/${encodeURIComponent('手艺人')}`);
  const described = page.locator('article', { has: page.getByRole('link', { name: '修车摊的周师傅' }) });
  await expect(described).toContainText('周师傅修过的车，比这条街上住过的人还多');
  await expect(described).not.toContainText('本文来自');
});

test('an address written with the file name, and an unknown tag, behave', async ({ request }) => {
  const raw = await request.get('/articles/courtyard-garden.md', { maxRedirects: 0 });
  expect(raw.status()).toBe(308);
  // Same host (Next writes a same-origin Location as a path), query kept.
  expect(raw.headers()['location']).toBe(`/articles/${MARKDOWN.slug}`);
  const withQuery = await request.get('/articles/courtyard-garden.md?from=feed', { maxRedirects: 0 });
  expect(withQuery.headers()['location']).toBe(`/articles/${MARKDOWN.slug}?from=feed`);
  const night = await request.get(`/articles/${encodeURIComponent('night train notes')}`, { maxRedirects: 0 });
  expect(night.status()).toBe(308);
  expect(night.headers()['location']).toBe('/articles/night-train-notes');
  // The article's old Hexo addresses (its permalink and abbrlink) lead to it; other old-looking ones 404.
  for (const old of ['/2022/06/courtyard-garden/', '/2022/06/courtyard-garden', '/posts/5e1f0c2a.html']) {
    // Permanent (a trailing slash is first dropped by Next, also with a 308).
    expect((await request.get(old, { maxRedirects: 0 })).status(), old).toBe(308);
    const moved = await request.get(old);
    expect(moved.status(), old).toBe(200);
    expect(new URL(moved.url()).pathname, old).toBe(`/articles/${MARKDOWN.slug}`);
  }
  expect((await request.get('/2022/06/no-such-thing/')).status()).toBe(404);
  expect((await request.get('/tags/no-such-tag-anywhere')).status()).toBe(404);
  const index = await request.get('/tags');
  expect(await index.text()).toContain('100%自己种');
});
