// 继续阅读 through the real UI: articles a signed-in reader opens appear on the home page, newest first, on any
// device, with how far they got; 清除阅读记录 on /account empties it; signed-out readers see and send nothing.
import { expect, test, type Page } from '@playwright/test';
import { newDevice, signIn, signUp, uniqueEmail } from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' };
const NIGHT_TRAIN = { slug: 'night-train-notes', title: '夜车笔记：从北京西到兰州' };

const articleUrl = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

function continueReading(page: Page) {
  return page.getByRole('region', { name: '继续阅读' });
}

function items(page: Page) {
  return continueReading(page).getByRole('listitem');
}

/** The home page has heard back about the reader (the 继续阅读 list arrives in the same answer). */
async function readerKnown(page: Page, signedIn: boolean) {
  await expect(page.locator(`[data-user-menu="${signedIn ? 'reader' : 'visitor'}"]`)).toBeVisible();
}

/** Opens an article and waits until the page has recorded the visit. */
async function openArticle(page: Page, article: { slug: string; title: string }) {
  const recorded = page.waitForResponse(
    (r) => r.url().endsWith('/api/reading-history') && r.request().method() === 'POST',
  );
  await page.goto(articleUrl(article.slug));
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  expect((await recorded).status()).toBe(200);
}

test('继续阅读 lists the articles a reader opened, follows them to another device, and is cleared from the account page', async ({
  browser,
}, testInfo) => {
  // Both projects share one server and its data folder: each signs up its own reader.
  const email = uniqueEmail(`continue-${testInfo.project.name}`);
  const laptop = await newDevice(browser);
  const page = await laptop.newPage();
  await page.goto('/signup');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  // A new account has read nothing yet: no empty 继续阅读.
  await readerKnown(page, true);
  await expect(continueReading(page)).toHaveCount(0);

  await openArticle(page, CYCLING);
  // Read it to the end; leaving the page reports how far the reader got.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(100);
  await openArticle(page, NIGHT_TRAIN);

  // Back home by the site's own link (a client-side navigation).
  await page.getByRole('banner').getByRole('link', { name: /首页$/ }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(items(page)).toHaveCount(2);
  // Newest opened first, each a link to its article with when it was read.
  await expect(items(page).nth(0).getByRole('link', { name: NIGHT_TRAIN.title })).toHaveAttribute(
    'href',
    articleUrl(NIGHT_TRAIN.slug),
  );
  await expect(items(page).nth(1).getByRole('link', { name: CYCLING.title })).toBeVisible();
  await expect(items(page).nth(0)).toContainText('刚刚');
  await expect(async () => {
    await page.reload();
    await expect(items(page).nth(1)).toContainText('已读完', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await laptop.close();

  // Another device: a fresh browser context, signed in with the same account.
  const phone = await newDevice(browser);
  const other = await phone.newPage();
  await other.goto('/signin');
  await signIn(other, email);
  await expect(other).toHaveURL(/\/$/);
  await expect(items(other)).toHaveCount(2);
  await expect(items(other).nth(0)).toContainText(NIGHT_TRAIN.title);
  await expect(items(other).nth(1)).toContainText(CYCLING.title);
  await items(other).nth(1).getByRole('link').click();
  await expect(other.getByRole('heading', { level: 1, name: CYCLING.title })).toBeVisible();

  await other.goto('/account');
  await expect(other.getByRole('region', { name: '阅读记录' })).toContainText('现有 2 篇');
  await other.getByRole('button', { name: '清除阅读记录' }).click();
  await expect(other.getByRole('main').getByRole('status').filter({ hasText: '已清除' })).toHaveText(
    '已清除 2 篇文章的阅读记录',
  );
  await expect(other.getByRole('region', { name: '阅读记录' })).toContainText('现有 0 篇');

  await other.goto('/');
  await readerKnown(other, true);
  await expect(continueReading(other)).toHaveCount(0);
  await phone.close();
});

test('a signed-out reader sees no 继续阅读 and an article page records nothing', async ({ browser }) => {
  const context = await newDevice(browser);
  const page = await context.newPage();
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/reading-history')) writes.push(r.url());
  });

  await page.goto('/');
  await readerKnown(page, false);
  await expect(continueReading(page)).toHaveCount(0);

  await page.goto(articleUrl(CYCLING.slug));
  await expect(page.locator('[data-user-menu="visitor"]')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.goto('/');
  await readerKnown(page, false);
  expect(writes).toEqual([]);

  // Posting by hand without a session is refused and changes nothing.
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/reading-history', { data: { slug: CYCLING.slug }, headers: { origin } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: 'signed_out' });
  await context.close();
});
