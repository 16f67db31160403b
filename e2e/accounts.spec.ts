// Reader accounts and bookmarks through the real UI: sign-up, bookmarks across devices, removal that sticks,
// sign-in errors and the rate limit, no-JavaScript form posts, and requests that must change nothing.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  PASSWORD,
  bookmarkButton,
  expectBookmarkState,
  newDevice,
  signIn,
  signUp,
  uniqueEmail,
} from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' };
const NIGHT_TRAIN = { slug: 'night-train-notes', title: '夜车笔记：从北京西到兰州' };

/** The form's message; scoped to <main> because Next's route announcer is an alert region too. */
function formAlert(page: Page) {
  return page.getByRole('main').getByRole('alert');
}

function bookmarkRows(page: Page) {
  return page.getByTestId('bookmark-list').locator('li');
}

test('sign up, bookmark two articles, find them on another device, and remove one for good', async ({ browser }) => {
  const email = uniqueEmail('reader');
  const nickname = `读者${Date.now().toString(36).slice(-4)}`;
  const laptop = await newDevice(browser);
  const page = await laptop.newPage();

  // Signed out, the button leads to sign-in and, through sign-up, back to the same article.
  await page.goto(`/articles/${CYCLING.slug}`);
  await expectBookmarkState(page, CYCLING.title, false);
  await bookmarkButton(page, CYCLING.title).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(`/articles/${CYCLING.slug}`)}$`));
  await page.getByRole('main').getByRole('link', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=/);
  await signUp(page, email, nickname);
  await expect(page).toHaveURL(new RegExp(`/articles/${CYCLING.slug}$`));

  await expectBookmarkState(page, CYCLING.title, false);
  await bookmarkButton(page, CYCLING.title).click();
  await expectBookmarkState(page, CYCLING.title, true);

  await page.goto(`/articles/${encodeURIComponent(NIGHT_TRAIN.slug)}`);
  await bookmarkButton(page, NIGHT_TRAIN.title).click();
  await expectBookmarkState(page, NIGHT_TRAIN.title, true);

  // The state is the server's, not the tab's: a reload shows it saved.
  await page.reload();
  await expectBookmarkState(page, NIGHT_TRAIN.title, true);

  await page.goto('/bookmarks');
  await expect(page.getByRole('heading', { level: 1, name: '我的收藏' })).toBeVisible();
  await expect(bookmarkRows(page)).toHaveCount(2);
  // Newest saved first.
  await expect(bookmarkRows(page).nth(0)).toContainText(NIGHT_TRAIN.title);
  await expect(bookmarkRows(page).nth(1)).toContainText(CYCLING.title);

  await page.goto('/account');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/bookmarks');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbookmarks$/);
  await laptop.close();

  // Another device: a fresh browser context with no cookies.
  const phone = await newDevice(browser);
  const other = await phone.newPage();
  await other.goto('/bookmarks');
  await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Fbookmarks$/);
  await signIn(other, email);
  await expect(other).toHaveURL(/\/bookmarks$/);
  await expect(bookmarkRows(other)).toHaveCount(2);

  await other.getByRole('button', { name: `移除收藏《${CYCLING.title}》` }).click();
  await expect(bookmarkRows(other)).toHaveCount(1);
  await expect(other.getByRole('main').getByRole('status').filter({ hasText: '已取消收藏' })).toHaveText(
    `已取消收藏《${CYCLING.title}》`,
  );

  await other.reload();
  await expect(bookmarkRows(other)).toHaveCount(1);
  await expect(bookmarkRows(other).first()).toContainText(NIGHT_TRAIN.title);

  await other.goto(`/articles/${CYCLING.slug}`);
  await expectBookmarkState(other, CYCLING.title, false);
  await phone.close();
});

test('a wrong password and an unknown email get the same message; the sixth try in a minute is told to wait', async ({
  browser,
}) => {
  const email = uniqueEmail('limited');
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.goto('/signup');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  await context.clearCookies();

  await page.goto('/signin');
  await signIn(page, email, 'not the password');
  await expect(formAlert(page)).toHaveText('邮箱或密码不正确');
  // The email stays filled in after a failure; the password does not.
  await expect(page.getByLabel('邮箱')).toHaveValue(email);
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');

  for (let attempt = 2; attempt <= 5; attempt++) {
    await page.goto('/signin');
    await signIn(page, email, `wrong guess ${attempt}`);
    await expect(formAlert(page)).toHaveText('邮箱或密码不正确');
  }
  // Sixth attempt within the minute, this time with the right password: refused all the same.
  await page.goto('/signin');
  await signIn(page, email);
  await expect(formAlert(page)).toHaveText(/^尝试次数过多，请在 \d+ 秒后再试$/);
  await expect(page).toHaveURL(/\/signin/);
  await context.close();

  // An email with no account, from another device: word for word the same answer.
  const elsewhere = await newDevice(browser);
  const other = await elsewhere.newPage();
  await other.goto('/signin');
  await signIn(other, uniqueEmail('nobody'), 'not the password');
  await expect(formAlert(other)).toHaveText('邮箱或密码不正确');
  await elsewhere.close();
});

test('sign-up explains what is wrong next to each field', async ({ browser }) => {
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByLabel('邮箱').fill('not-an-email');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('邮箱格式不正确')).toBeVisible();
  await expect(page.getByText('密码至少需要 8 个字符')).toBeVisible();
  await expect(page.getByLabel('邮箱')).toHaveAttribute('aria-invalid', 'true');
  await context.close();
});

test('signed-out and cross-site requests to the bookmark action change nothing', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail('guarded');
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.goto('/signup?callbackUrl=%2Fbookmarks');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/bookmarks$/);
  await page.goto(`/articles/${CYCLING.slug}`);
  await bookmarkButton(page, CYCLING.title).click();
  await expectBookmarkState(page, CYCLING.title, true);

  // No cookies at all: a form post is sent to sign-in, a JSON post is refused.
  const anonymous = await playwright.request.newContext({ baseURL });
  const formPost = await anonymous.post('/api/bookmarks', {
    form: { slug: CYCLING.slug, intent: 'remove', returnTo: `/articles/${CYCLING.slug}` },
    maxRedirects: 0,
  });
  expect(formPost.status()).toBe(303);
  expect(formPost.headers()['location']).toBe(`/signin?callbackUrl=${encodeURIComponent(`/articles/${CYCLING.slug}`)}`);
  const jsonPost = await anonymous.post('/api/bookmarks', { data: { slug: NIGHT_TRAIN.slug, bookmarked: true } });
  expect(jsonPost.status()).toBe(401);
  const state = await anonymous.get(`/api/bookmarks/state?slug=${CYCLING.slug}`);
  expect(state.headers()['cache-control']).toBe('private, no-store');
  expect(await state.json()).toEqual({ user: null, bookmarked: [] });
  await anonymous.dispose();

  // The reader's own cookies, but sent from another site: refused.
  const forged = await page.request.post('/api/bookmarks', {
    data: { slug: CYCLING.slug, bookmarked: false },
    headers: { Origin: 'https://evil.example' },
  });
  expect(forged.status()).toBe(403);
  // A draft or unknown article cannot be saved.
  const unknown = await page.request.post('/api/bookmarks', { data: { slug: 'no-such-article', bookmarked: true } });
  expect(unknown.status()).toBe(404);

  await page.goto('/bookmarks');
  await expect(bookmarkRows(page)).toHaveCount(1);
  await expect(bookmarkRows(page).first()).toContainText(CYCLING.title);
  await context.close();
});

test('without JavaScript: sign in, save from the article page, remove from 我的收藏', async ({ browser }) => {
  const email = uniqueEmail('nojs');
  const setup = await newDevice(browser);
  const setupPage = await setup.newPage();
  await setupPage.goto('/signup');
  await signUp(setupPage, email);
  await expect(setupPage).toHaveURL(/\/$/);
  await setup.close();

  const context = await newDevice(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${CYCLING.slug}`);
  await bookmarkButton(page, CYCLING.title).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/articles/${CYCLING.slug}$`));

  await bookmarkButton(page, CYCLING.title).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${CYCLING.slug}$`));

  await page.goto('/bookmarks');
  await expect(bookmarkRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: `移除收藏《${CYCLING.title}》` }).click();
  await expect(page).toHaveURL(/\/bookmarks$/);
  await expect(page.getByText('还没有收藏。')).toBeVisible();
  await context.close();
});

test('the account page changes the password and exports bookmarks as JSON', async ({ browser }) => {
  const email = uniqueEmail('account');
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/articles/${CYCLING.slug}`)}`);
  await signUp(page, email);
  await bookmarkButton(page, CYCLING.title).click();
  await expectBookmarkState(page, CYCLING.title, true);

  await page.goto('/account');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^hutong-bookmarks-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
  expect(exported).toMatchObject({
    account: email,
    count: 1,
    bookmarks: [{ slug: CYCLING.slug, title: CYCLING.title, available: true }],
  });

  const newPassword = `${PASSWORD}-新`;
  await page.getByLabel('当前密码').fill(PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '密码已修改' })).toBeVisible();
  // This device stays signed in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '账户' })).toBeVisible();

  const elsewhere = await newDevice(browser);
  const other = await elsewhere.newPage();
  await other.goto('/signin');
  await signIn(other, email);
  await expect(formAlert(other)).toHaveText('邮箱或密码不正确');
  await signIn(other, email, newPassword);
  await expect(other).toHaveURL(/\/$/);
  await elsewhere.close();
  await context.close();
});

test('deleting the account asks for the password and removes everything', async ({ browser }) => {
  const email = uniqueEmail('leaving');
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.goto('/signup?callbackUrl=%2Faccount');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/account$/);

  await page.getByLabel('输入密码以确认').fill('wrong password');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: '删除账户' }).click();
  await expect(page.getByText('密码不正确')).toBeVisible();

  await page.getByLabel('输入密码以确认').fill(PASSWORD);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: '删除账户' }).click();
  await expect(page).toHaveURL(/\/signin\?notice=deleted$/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('账户已删除');

  await signIn(page, email);
  await expect(formAlert(page)).toHaveText('邮箱或密码不正确');
  await context.close();
});

test('a long account name never makes the header items overlap', async ({ page }) => {
  // The test's own page, so the phone project really has a phone's width.
  await page.goto('/signup');
  await signUp(page, uniqueEmail('a-very-long-reader-name-that-does-not-fit-on-a-phone'));
  await expect(page.locator('[data-user-menu="reader"]')).toBeVisible();
  await page.goto('/');
  await expect(page.locator('[data-user-menu="reader"]')).toBeVisible();
  // Every link and button in the header sits in its own box: none covers another.
  const boxes = await page.locator('header a:visible, header button:visible').evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent?.trim() || el.getAttribute('aria-label') || '',
      ...el.getBoundingClientRect().toJSON(),
    })),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const nested = (a.left >= b.left && a.right <= b.right) || (b.left >= a.left && b.right <= a.right);
      expect(overlap && !nested, `「${a.text}」 and 「${b.text}」 overlap`).toBe(false);
    }
  }
});
