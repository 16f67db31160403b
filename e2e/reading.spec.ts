// The reading core as a visitor meets it: listings, an article with its contents, captions and links,
// taxonomies, pagination, the 404 page, and a phone-sized screen (themes and reader settings:
// reading-settings.spec.ts).
import { expect, test, type Page } from '@playwright/test';

const NEWEST = '骑车上班的第三年';

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page is wider than the screen').toBeLessThanOrEqual(clientWidth);
}

test('home lists the newest published articles first and opens one', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/胡同/);
  const titles = page.locator('main article h2');
  await expect(titles.first()).toHaveText(NEWEST);
  await expect(page.locator('main')).not.toContainText('草稿');

  await titles.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/articles\/cycling-to-work$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEWEST);
  // No author in the file: the fallback is shown rather than an empty gap.
  await expect(page.locator('main header')).toContainText('佚名');
  await expect(page.locator('main header')).toContainText('分钟读完');
});

test('a CJK file name is a working address, and the TOC link brings its heading into view', async ({
  page,
  isMobile,
}) => {
  await page.goto('/page/2');
  await page.getByRole('link', { name: '胡同里的早晨', exact: true }).first().click();
  await expect(page).toHaveURL(/\/articles\/(%E8%83%A1%E5%90%8C%E9%87%8C%E7%9A%84%E6%97%A9%E6%99%A8|胡同里的早晨)$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('胡同里的早晨');

  const toc = page.getByRole('navigation', { name: '文章目录' }).filter({ visible: true });
  if (isMobile) await toc.locator('summary').click();
  await toc.getByRole('link', { name: '院门里外' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /院门里外/ });
  await expect(heading).toBeInViewport();
  const id = await heading.getAttribute('id');
  expect(id).toBeTruthy();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(id!).replace(/%/g, '%?')}|#${id}$`));
});

test('images become figures with their captions; the rest keep their shape', async ({ page }) => {
  await page.goto('/articles/night-train-notes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('夜车笔记：从北京西到兰州');
  const body = page.locator('.prose-article');
  const captioned = body.locator('figure', { has: page.locator('figcaption') }).first();
  await expect(captioned.locator('figcaption')).toHaveText('车窗外的灯光被拉成长长的线，桌上的茶还冒着热气');
  await expect(captioned.locator('img')).toHaveAttribute('alt', '车窗外的灯光被拉成长长的线，桌上的茶还冒着热气');
  // The second picture has no caption: still a figure, no empty caption box.
  const figures = body.locator('figure');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(1).locator('figcaption')).toHaveCount(0);

  const images = body.locator('img');
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(img).toHaveAttribute('width', /\d+/);
    await expect(img).toHaveAttribute('height', /\d+/);
  }
  await expect(images.nth(1)).toHaveAttribute('loading', 'lazy');
  // The caption paragraph was absorbed, not repeated as body text.
  await expect(body.locator('p', { hasText: '车窗外的灯光被拉成长长的线' })).toHaveCount(0);

  // Source remarks are styled as a note, and outbound links open safely in a new tab.
  const external = body.locator('a[href^="https://www.12306.cn"]');
  await expect(external).toHaveAttribute('target', '_blank');
  await expect(external).toHaveAttribute('rel', 'nofollow noopener noreferrer');
});

test('category and author pages list their articles', async ({ page }) => {
  await page.goto('/articles/night-train-notes');
  const author = page.locator('main header').getByRole('link', { name: '周野' });
  await author.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('作者：周野');
  await expect(page.locator('main article h2')).toHaveText(['零下二十五度的哈尔滨', '夜车笔记：从北京西到兰州']);

  await page.goto('/categories');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部分类');
  const first = page.locator('main li a').first();
  const name = (await first.locator('span').first().textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`分类：${name}`);
  await expect(page.locator('main article').first()).toBeVisible();
});

test('listings paginate and a page past the end is a 404', async ({ page }) => {
  await page.goto('/');
  const pager = page.getByRole('navigation', { name: '分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  await expect(page.locator('main article')).toHaveCount(4);
  await expect(pager.locator('[aria-current="page"]')).toContainText('2');

  const past = await page.goto('/page/99');
  expect(past?.status()).toBe(404);
  const one = await page.goto('/page/1');
  expect(one?.url()).toMatch(/\/$/);
});

test('an unknown address gets the zh-CN 404 page, and drafts do not exist for readers', async ({ page }) => {
  for (const url of [
    '/articles/no-such-article',
    '/no/such/page',
    '/categories/不存在的分类',
    '/articles/watch-repair-draft',
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('这条胡同走不通');
    await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
  }
});

test('nothing scrolls sideways on a 375 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const url of [
    '/',
    '/articles/night-train-notes',
    '/articles/open-source-maintainer',
    '/categories',
    '/authors',
  ]) {
    await page.goto(url);
    await noHorizontalScroll(page);
  }
});

test('keyboard: the skip link is the first stop and moves focus to the content', async ({ page, isMobile }) => {
  test.skip(isMobile, 'no physical keyboard on the phone profile');
  await page.goto('/articles/night-train-notes');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('an article reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/articles/open-source-maintainer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('凌晨一点的维护者：一个开源项目的日常');
  await expect(page.locator('.prose-article h2')).toHaveCount(4);
  await expect(page.locator('.prose-article figcaption')).toHaveText(
    '项目的依赖关系图：一个小工具，被几百个别的项目牵着',
  );
  await context.close();
});

test('a repeat request for an article is answered from memory, byte for byte', async ({ request }) => {
  // A copy older than the page's revalidate time (600 s: a long run gets there) is answered STALE while
  // Next renders it again, and no shared cache keeps a stale copy: ask until the answer is a fresh one.
  let first = await request.get('/articles/harbin-winter');
  for (let tries = 0; first.headers()['x-nextjs-cache'] === 'STALE' && tries < 20; tries++) {
    await new Promise((r) => setTimeout(r, 250));
    first = await request.get('/articles/harbin-winter');
  }
  expect(first.headers()['x-nextjs-cache']).not.toBe('STALE');
  const second = await request.get('/articles/harbin-winter');
  expect(second.status()).toBe(200);
  // `npm start` keeps pages Next marks shareable (s-maxage) and says how old its copy is, as a CDN does.
  expect(second.headers()['age']).toMatch(/^\d+$/);
  expect(second.headers()['cache-control']).toBe(first.headers()['cache-control']);
  expect(await second.text()).toBe(await first.text());
});
