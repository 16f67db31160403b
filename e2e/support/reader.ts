// What several specs do as a reader: open a fresh device, sign up, use the header search, find an
// article's bookmark button. Not a spec itself (Playwright only runs *.spec.ts).
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PASSWORD = 'hutong-e2e-密码';

let counter = 0;
/** Unique per test and project, so parallel runs and reruns against the same data folder never collide. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

/**
 * Each test signs in from its own client address: the per-IP sign-in limit is real, and tests
 * running in parallel from 127.0.0.1 would otherwise use up one another's allowance.
 */
export function uniqueIp(): string {
  const n = Math.floor(Math.random() * 250) + 1;
  const m = Math.floor(Math.random() * 250) + 1;
  return `10.${(process.pid % 250) + 1}.${n}.${m}`;
}

export async function newDevice(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...options, locale: 'zh-CN', extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
}

export function bookmarkButton(page: Page, title: string) {
  return page.getByRole('button', { name: `收藏《${title}》` }).first();
}

/** Waits until the button has learned the reader's state from the server (it starts unknown on a static page). */
export async function expectBookmarkState(page: Page, title: string, saved: boolean) {
  const button = bookmarkButton(page, title);
  await expect(button).toHaveAttribute('data-state', saved ? 'saved' : 'unsaved');
  await expect(button).toHaveAttribute('aria-pressed', String(saved));
}

/** Fills and sends the sign-up form; the answer is 请查收邮件 for every address. */
export async function submitSignUp(page: Page, email: string, name?: string, password = PASSWORD) {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  if (name) await page.getByLabel('昵称（可选）').fill(name);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: '请查收邮件' })).toBeVisible();
}

/**
 * Signs up from the sign-up page the test opened, then signs in from the answer's 去登录 link (an
 * account may sign in before its address is verified), landing where the page's callbackUrl pointed.
 */
export async function signUp(page: Page, email: string, name?: string) {
  await submitSignUp(page, email, name);
  await page.getByRole('main').getByRole('link', { name: '去登录' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/signin/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** The header's search field, once hydrated (typing earlier would not search as you type); on phones it sits behind the icon. */
export async function openHeaderSearch(page: Page, isMobile: boolean) {
  const header = page.locator('header').first();
  await expect(header.locator('form[role="search"][data-live="true"]')).toBeAttached();
  if (isMobile) await header.getByRole('link', { name: '搜索', exact: true }).click();
  const input = header.getByRole('searchbox', { name: '搜索文章' });
  await expect(input).toBeVisible();
  return input;
}
