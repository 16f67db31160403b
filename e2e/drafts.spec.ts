// Editors preview drafts at their future address; for everyone else a draft does not exist — not on
// its page (even with a copied Draft Mode cookie), not in listings or feeds, not in the build output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { siteIndexFile } from '../lib/content/index-path.mjs';
import { linkTo, mailsTo, waitForMail } from './support/mail';
import { signIn, submitSignUp } from './support/reader';

// One editor account per project, signed up and verified by whichever test comes first: the tests of
// this file run one after another so two never race to verify it.
test.describe.configure({ mode: 'default' });

const DRAFT = { slug: 'watch-repair-draft', title: '草稿：城墙根下的修表摊', body: '老城墙的西南角，有一个修表摊' };
const SCHEDULED = { slug: 'letter-to-2036', title: '写给十年后的读者' };
const HEXO_DRAFT = { title: '草稿：冬至那天包饺子', body: '北方人说，冬至不端饺子碗' };
const PASSWORD = 'hutong-e2e-编辑密码';
const DRAFT_MODE_COOKIE = '__prerender_bypass';

function clientIp(): string {
  return `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

async function device(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'x-forwarded-for': clientIp() } });
}

/**
 * Signs up and proves the address through the mailed link, or — when an earlier test or a retry already
 * made the account (the mail then says someone tried to sign up again) — just signs in.
 */
async function signUpOrIn(page: Page, email: string) {
  const seen = new Set((await mailsTo(email)).map((m) => m.file));
  await page.goto('/signup');
  await submitSignUp(page, email, undefined, PASSWORD);
  const mail = await waitForMail(email, /验证|尝试/, { seen });
  if (/验证/.test(mail.subject)) {
    await page.goto(linkTo(mail, '/verify-email'));
    await page.getByRole('button', { name: '确认验证' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('已验证');
  }
  await page.goto('/signin');
  await signIn(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/signin');
}

test('an editor previews a draft with a banner, and leaves preview', async ({ browser }, testInfo) => {
  const editor = await device(browser);
  const page = await editor.newPage();
  await signUpOrIn(page, `editor-${testInfo.project.name}@hutong.test`);

  // Editors find the drafts in their account menu.
  await page.goto('/');
  await page.locator('[data-user-menu="reader"] button[aria-expanded]').click();
  await page.getByRole('link', { name: '草稿', exact: true }).click();
  await expect(page).toHaveURL(/\/drafts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('草稿与定时发布');
  await expect(page.getByRole('heading', { name: HEXO_DRAFT.title })).toBeVisible();
  // A scheduled article shows its time and the time left, ticking.
  const letter = page.locator('li').filter({ has: page.getByRole('heading', { name: SCHEDULED.title }) });
  await expect(letter).toContainText('定时发布');
  await expect(letter).toContainText('2036年1月1日 08:00 发布');
  const countdown = letter.locator('[data-countdown]');
  await expect(countdown).toHaveText(/^还有 \d+ 天 \d+ 小时$|^还有 \d+ 天$/);
  await page.getByRole('link', { name: `预览：${DRAFT.title}` }).click();

  await expect(page).toHaveURL(new RegExp(`/articles/${DRAFT.slug}$`));
  await expect(page.getByRole('status').filter({ hasText: '预览模式' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT.title);
  await expect(page.locator('.prose-article')).toContainText(DRAFT.body);

  await page.getByRole('button', { name: '退出预览' }).click();
  await expect(page).toHaveURL(/\/drafts$/);
  const after = await page.goto(`/articles/${DRAFT.slug}`);
  expect(after?.status()).toBe(404);
  await editor.close();
});

test('readers and visitors get a 404 at the draft address, even with a copied Draft Mode cookie', async ({
  browser,
}, testInfo) => {
  // Get a genuine Draft Mode cookie the way an editor would.
  const editor = await device(browser);
  const editorPage = await editor.newPage();
  await signUpOrIn(editorPage, `editor-${testInfo.project.name}@hutong.test`);
  await editorPage.goto(`/api/preview?slug=${DRAFT.slug}`);
  await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText(DRAFT.title);
  const cookie = (await editor.cookies()).find((c) => c.name === DRAFT_MODE_COOKIE);
  expect(cookie, 'Draft Mode cookie').toBeTruthy();
  await editor.close();

  // A visitor with only the cookie.
  const visitor = await device(browser);
  await visitor.addCookies([cookie!]);
  const visitorPage = await visitor.newPage();
  const res = await visitorPage.goto(`/articles/${DRAFT.slug}`);
  expect(res?.status()).toBe(404);
  await expect(visitorPage.getByRole('heading', { level: 1 })).toHaveText('这条胡同走不通');
  expect(await res!.text()).not.toContain(DRAFT.body);
  await visitor.close();

  // A signed-in reader who is not an editor, with the cookie.
  const reader = await device(browser);
  const readerPage = await reader.newPage();
  await signUpOrIn(readerPage, `reader-${testInfo.project.name}-${Date.now()}@hutong.test`);
  await reader.addCookies([cookie!]);
  const readerRes = await readerPage.goto(`/articles/${DRAFT.slug}`);
  expect(readerRes?.status()).toBe(404);
  const html = await readerRes!.text();
  expect(html).not.toContain(DRAFT.body);
  expect(html).not.toContain(DRAFT.title);
  await expect(readerPage.getByText(DRAFT.body)).toHaveCount(0);
  // The preview route itself does not hand readers a cookie.
  const previewRes = await readerPage.goto(`/api/preview?slug=${DRAFT.slug}`);
  expect(previewRes?.status()).toBe(404);
  await reader.close();
});

test('Draft Mode never gets the copy of a published article kept for readers', async ({
  browser,
  request,
}, testInfo) => {
  const slug = 'night-train-notes';
  // Readers' requests leave a shared copy in `npm start`'s response cache.
  await request.get(`/articles/${slug}`);
  const cached = await request.get(`/articles/${slug}`);
  expect(cached.headers()['age'], 'served from the response cache').toBeDefined();

  const editor = await device(browser);
  const page = await editor.newPage();
  await signUpOrIn(page, `editor-${testInfo.project.name}@hutong.test`);
  const preview = page.waitForResponse((res) => new URL(res.url()).pathname === `/articles/${slug}`);
  await page.goto(`/api/preview?slug=${slug}`);
  const res = await preview;
  expect(res.headers()['age'], 'Draft Mode bypasses the response cache').toBeUndefined();
  await expect(page.getByRole('status').filter({ hasText: '预览模式' })).toBeVisible();
  await page.getByRole('button', { name: '退出预览' }).click();
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('status').filter({ hasText: '预览模式' })).toHaveCount(0);
  await editor.close();
});

test('drafts and articles scheduled for later are absent from listings, taxonomies, feeds and the sitemap', async ({
  request,
}) => {
  for (const url of [
    '/',
    '/page/2',
    '/categories',
    '/categories/生活',
    '/authors',
    '/tags',
    '/archive',
    '/feed.xml',
    '/atom.xml',
    '/sitemap.xml',
    '/search?q=修表',
    '/search?q=十年后的读者',
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBeLessThan(400);
    const text = await res.text();
    for (const needle of [
      DRAFT.title,
      DRAFT.slug,
      HEXO_DRAFT.title,
      DRAFT.body,
      HEXO_DRAFT.body,
      SCHEDULED.title,
      SCHEDULED.slug,
      '时间胶囊',
    ]) {
      expect(text, `${url} mentions ${needle}`).not.toContain(needle);
    }
  }
  for (const url of [`/articles/${SCHEDULED.slug}`, '/tags/时间胶囊', '/archive/2036'])
    expect((await request.get(url)).status(), url).toBe(404);
});

test('the build output holds no trace of a draft', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one scan is enough');
  const root = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');
  const needles = [DRAFT.title, DRAFT.body, HEXO_DRAFT.title, HEXO_DRAFT.body, '修表摊', '冬至那天包饺子'];
  const hits: string[] = [];
  let scanned = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && statSync(full).size < 20 * 1024 * 1024) {
        const text = readFileSync(full, 'utf8');
        scanned += 1;
        for (const n of needles) if (text.includes(n)) hits.push(`${path.relative(root, full)}: ${n}`);
      }
    }
  };
  walk(root);
  expect(scanned).toBeGreaterThan(50);
  expect(hits).toEqual([]);
});

test('the build wrote the site index, with published articles and no draft', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one look is enough');
  const file = path.resolve(siteIndexFile());
  const bytes = readFileSync(file);
  // SQLite keeps text as UTF-8; read it as UTF-16 too (at both byte alignments) so nothing hides.
  const text = [bytes.toString('utf8'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].join('\n');
  expect(text).toContain('胡同里的早晨');
  for (const needle of [DRAFT.title, DRAFT.body, HEXO_DRAFT.title, HEXO_DRAFT.body, '修表摊', '冬至那天包饺子']) {
    expect(text, `the search index holds ${needle}`).not.toContain(needle);
  }
});
