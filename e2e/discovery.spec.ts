// Finding and following the site: search from the header (with and without JavaScript), feeds, sitemap,
// robots.txt, the archive, and what an article page tells search engines and chat apps.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from '@playwright/test';
import { openHeaderSearch } from './support/reader';

const enc = encodeURIComponent;

test.describe('search with JavaScript', () => {
  test('typing a Chinese query in the header shows results as you type, and a result opens', async ({
    page,
    isMobile,
  }) => {
    await page.goto('/');
    const input = await openHeaderSearch(page, isMobile);
    await input.click();
    await input.pressSequentially('春茶', { delay: 40 });

    // No Enter: the results follow the typing, and the address follows the query.
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${enc('春茶')}$`));
    const results = page.getByRole('list', { name: '搜索结果' });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.locator('mark').first()).toHaveText('春茶');
    await expect(page.locator('main').getByRole('status')).toContainText('找到 1 篇');
    // The reader keeps typing in the same box.
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('春茶');

    await results.getByRole('link', { name: /一杯春茶/ }).click();
    await expect(page).toHaveURL(/\/articles\/tea-in-spring$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('一杯春茶，等了一整个冬天');
  });

  test('changing the query replaces the results and the address', async ({ page }) => {
    await page.goto(`/search?q=${enc('开源')}`);
    await expect(page.locator('main form[role="search"][data-live="true"]')).toBeAttached();
    const input = page.locator('main').getByRole('searchbox', { name: '搜索文章' });
    await expect(input).toHaveValue('开源');
    await input.fill('书店');
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${enc('书店')}$`));
    await expect(
      page.getByRole('list', { name: '搜索结果' }).getByRole('link', { name: /街角那家书店还开着/ }),
    ).toBeVisible();
  });

  test('a result page loaded whole keeps its results once it comes alive, and after a result and back', async ({
    page,
  }) => {
    const response = await page.goto(`/search?q=${enc('城市')}`);
    // npm start put it together (the page's shell with the results in it): sent whole, not streamed.
    expect(response?.headers()['content-length']).toMatch(/^\d+$/);
    await expect(page.locator('main form[role="search"][data-live="true"]')).toBeAttached();
    const results = page.getByRole('list', { name: '搜索结果' });
    await expect(results.getByRole('listitem').first()).toBeVisible();
    const count = await results.getByRole('listitem').count();
    await expect(page).toHaveTitle(/^搜索：城市 · /);
    await expect(page.locator('main').getByRole('searchbox', { name: '搜索文章' })).toHaveValue('城市');

    await page.evaluate(() => Object.assign(window, { stayed: true }));
    await results.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/articles\//);
    await expect(page).not.toHaveTitle(/^搜索/);
    // Opened through the router: the same document.
    expect(await page.evaluate(() => 'stayed' in window)).toBe(true);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${enc('城市')}$`));
    await expect(results.getByRole('listitem')).toHaveCount(count);
    await expect(page.locator('main').getByRole('status')).toContainText('城市');
    await expect(page).toHaveTitle(/^搜索：城市 · /);
  });

  test('"/" puts the cursor in the search box, but not while typing elsewhere', async ({ page, isMobile }) => {
    await page.goto('/articles/tea-in-spring');
    await expect(page.locator('header form[role="search"][data-live="true"]')).toBeAttached();
    await page.keyboard.press('/');
    const input = page.locator('header').getByRole('searchbox', { name: '搜索文章' });
    await expect(input).toBeFocused();
    await page.keyboard.type('哈尔滨');
    await expect(input).toHaveValue('哈尔滨');
    if (!isMobile) {
      // Already in the box: "/" is just a character.
      await page.keyboard.type('/');
      await expect(input).toHaveValue('哈尔滨/');
    }
  });
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form submits to /search and the results page works on its own', async ({ page, isMobile }) => {
    await page.goto('/');
    if (isMobile) {
      // Phones see a link to the search page, whose own form needs no script.
      await page.locator('header').getByRole('link', { name: '搜索', exact: true }).click();
      await expect(page).toHaveURL(/\/search$/);
      await expect(page.getByText('输入关键词，搜索全站文章。')).toBeVisible();
      const form = page.locator('main').getByRole('searchbox', { name: '搜索文章' });
      await form.fill('城市');
      await page.locator('main').getByRole('button', { name: '搜索' }).click();
    } else {
      const input = page.locator('header').getByRole('searchbox', { name: '搜索文章' });
      await input.fill('城市');
      await input.press('Enter');
    }
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${enc('城市')}$`));
    // Five articles mention 城市; the e2e server shows four per page.
    await expect(page.locator('main').getByRole('status')).toContainText('找到 5 篇与「城市」相关的文章，第 1 / 2 页');
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem')).toHaveCount(4);
    // The page's own box and the title show the query, with no script to fill them in.
    await expect(page.locator('main').getByRole('searchbox', { name: '搜索文章' })).toHaveValue('城市');
    await expect(page).toHaveTitle(/^搜索：城市 · /);

    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页 →' }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${enc('城市')}&page=2$`));
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('list', { name: '搜索结果' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/articles\//);
  });

  test('says so in Chinese when nothing matches, and never finds drafts', async ({ page }) => {
    await page.goto(`/search?q=${enc('火星文')}`);
    await expect(page.locator('main').getByRole('status')).toHaveText('没有找到与「火星文」相关的文章。');
    await page.goto(`/search?q=${enc('修表摊')}`);
    await expect(page.locator('main').getByRole('status')).toHaveText('没有找到与「修表摊」相关的文章。');
    await expect(page.locator('main')).not.toContainText('草稿');
  });
});

test.describe('feeds and crawlers', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

  async function xml(request: import('@playwright/test').APIRequestContext, path: string, type: RegExp) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type']).toMatch(type);
    const body = await res.text();
    expect(XMLValidator.validate(body), path).toBe(true);
    return { body, doc: parser.parse(body) };
  }

  test('RSS and Atom are valid XML with absolute links and no drafts', async ({ request, baseURL }) => {
    const rss = await xml(request, '/feed.xml', /^application\/rss\+xml/);
    const items = rss.doc.rss.channel.item as Array<{ link: string; title: string }>;
    expect(items).toHaveLength(12);
    expect(items[0]?.title).toBe('骑车上班的第三年');
    for (const item of items) expect(item.link.startsWith(`${baseURL}/articles/`)).toBe(true);
    expect(rss.body).not.toContain('草稿');
    expect(rss.body).not.toMatch(/(src|href)="\/[^/]/);

    const atom = await xml(request, '/atom.xml', /^application\/atom\+xml/);
    expect(atom.doc.feed.entry).toHaveLength(12);
    expect(atom.body).not.toContain('草稿');
  });

  test('each category has its own feed', async ({ request }) => {
    const { doc } = await xml(request, `/categories/${enc('城市')}/feed.xml`, /^application\/rss\+xml/);
    expect(doc.rss.channel.item).toHaveLength(5);
    expect((await request.get(`/categories/${enc('火星')}/feed.xml`)).status()).toBe(404);
  });

  test('sitemap.xml lists articles with lastmod, and robots.txt points to it', async ({ request, baseURL }) => {
    const { doc } = await xml(request, '/sitemap.xml', /^application\/xml/);
    const urls = doc.urlset.url as Array<{ loc: string; lastmod: string }>;
    const article = urls.find((u) => u.loc === `${baseURL}/articles/tea-in-spring`);
    expect(article?.lastmod).toBe('2024-04-05T02:00:00.000Z');
    expect(urls.some((u) => u.loc.includes(enc('草稿')))).toBe(false);

    const robots = await request.get('/robots.txt');
    expect(await robots.text()).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });
});

test('the archive lists every article by month, newest first', async ({ page }) => {
  await page.goto('/archive');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('归档');
  const months = page.locator('main').getByRole('heading', { level: 3 });
  await expect(months.first()).toContainText('2025年3月');
  await expect(page.locator('main')).not.toContainText('草稿');
  await page.getByRole('link', { name: '胡同里的早晨' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('胡同里的早晨');
});

test('every month of the archive has a page of its own; a month without articles is not found', async ({
  page,
  request,
}) => {
  await page.goto('/archive');
  await page.getByRole('link', { name: '2024年4月', exact: true }).click();
  await expect(page).toHaveURL(/\/archive\/2024\/04$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2024年4月');
  await expect(page).toHaveTitle(/2024年4月归档/);
  const months = page.getByRole('navigation', { name: '2024 年的月份' });
  await expect(months.locator('[aria-current="page"]')).toContainText('2024年4月');
  await page.getByRole('link', { name: '胡同里的早晨' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('胡同里的早晨');

  for (const missing of ['/archive/2024/01', '/archive/2024/4', '/archive/2024/13', '/archive/1999/04']) {
    const response = await request.get(missing);
    expect(response.status(), missing).toBe(404);
    expect(await response.text()).toContain('页面不存在');
  }
});

test('an article page describes itself to search engines and offers related reading', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto('/articles/tea-in-spring');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe('一杯春茶，等了一整个冬天');
  expect(ld.url).toBe(`${baseURL}/articles/tea-in-spring`);
  await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute('content', /^https?:\/\//);

  const related = page.getByRole('region', { name: '相关阅读' });
  const links = related.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  expect(await links.count()).toBeLessThanOrEqual(5);
  await expect(related).not.toContainText('草稿');

  // Articles without a picture share a generated card; the route answers for any article.
  const card = await request.get('/articles/tea-in-spring/opengraph-image');
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
});
