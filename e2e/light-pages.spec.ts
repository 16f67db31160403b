// Reading pages stay light after they are shown (issue 16): a listing does not fetch the pages it links
// to until the reader reaches for one, and the islands used on demand (reading settings, picture viewer,
// account menu, the highlight tools) load their code when first opened, not with the page.
import { expect, test, type Page } from '@playwright/test';
import { newDevice, signUp, uniqueEmail } from './support/reader';

const ARTICLE_WITH_PICTURES = '/articles/night-train-notes';

/** Paths of the route payloads the router prefetches (it marks them with `Next-Router-Prefetch`). */
function recordPrefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) paths.push(decodeURIComponent(new URL(request.url()).pathname));
  });
  return paths;
}

/** Every script the page asks for, in order. */
function recordScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // The router starts viewport prefetches from an idle callback after hydration: give it the chance.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
  await page.waitForLoadState('networkidle');
}

test('a listing fetches an article ahead only when the reader reaches for its link', async ({ page, isMobile }) => {
  const prefetched = recordPrefetches(page);
  await page.goto(ARTICLE_WITH_PICTURES);
  await settle(page);
  expect(prefetched, 'an article page fetched pages ahead without the reader reaching for a link').toEqual([]);

  await page.goto('/');
  await settle(page);
  expect(prefetched, 'a listing fetched pages ahead without the reader reaching for a link').toEqual([]);

  const title = page.locator('main article h2').first().getByRole('link');
  const href = await title.getAttribute('href');
  if (isMobile) {
    // A finger on the link starts the fetch; the tap then opens the article in place.
    await title.tap();
  } else {
    await title.hover();
    await expect.poll(() => prefetched.includes(href!), { message: `prefetch of ${href} on hover` }).toBe(true);
    await title.click();
  }
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the reading settings panel and the picture viewer bring their code when first opened', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto(ARTICLE_WITH_PICTURES);
  await settle(page);
  const withPage = scripts.length;

  await page.getByRole('button', { name: '阅读设置' }).click();
  await expect(page.getByRole('dialog', { name: '阅读设置' })).toBeVisible();
  expect(scripts.length, 'opening 阅读设置 loaded no code of its own').toBeGreaterThan(withPage);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '阅读设置' })).toBeHidden();

  const withPanel = scripts.length;
  const picture = page.locator('.prose-article figure a.image-zoom').first();
  await expect(picture.locator('img')).toHaveJSProperty('complete', true);
  await picture.click();
  await expect(page.getByRole('dialog', { name: '查看大图' })).toBeVisible();
  expect(scripts.length, 'opening the picture viewer loaded no code of its own').toBeGreaterThan(withPanel);
});

test('the highlight tools bring their code only when the reader selects text in the article', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto(ARTICLE_WITH_PICTURES);
  await settle(page);
  const withPage = scripts.length;
  await expect(page.getByRole('toolbar', { name: /划线工具/ })).toHaveCount(0);
  await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll('#article-body p')].find((p) => (p.textContent ?? '').length > 20)!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(page.getByRole('toolbar', { name: /划线工具/ })).toBeVisible();
  expect(scripts.length, 'selecting text loaded no code of its own').toBeGreaterThan(withPage);
});

test("a signed-in reader's account menu brings its code when first opened, and works from the keyboard", async ({
  browser,
}) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  await signUp(page, uniqueEmail('light-menu'));
  const scripts = recordScripts(page);
  await page.goto('/');
  await settle(page);
  const menuButton = page.locator('[data-user-menu="reader"] button[aria-expanded]');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
  const withPage = scripts.length;

  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('link', { name: '我的收藏' })).toBeVisible();
  expect(scripts.length, 'opening the account menu loaded no code of its own').toBeGreaterThan(withPage);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: '我的收藏' })).toBeHidden();
  await expect(menuButton).toBeFocused();
  await device.close();
});

test('the head picture keeps its place while it loads: the text below never moves', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // A slow picture host: the head picture arrives only after the page has been laid out.
  await page.route('**/demo/harbin-ice.jpg', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/articles/harbin-winter', { waitUntil: 'domcontentloaded' });
  const hero = page.locator('main figure.article-image img').first();
  await expect(hero).toHaveAttribute('src', /harbin-ice\.jpg$/);
  const body = page.locator('#article-body');
  const before = (await body.boundingBox())!.y;

  release();
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect((await body.boundingBox())!.y).toBe(before);
});
