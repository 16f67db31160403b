// Security headers on every kind of response, and the Content-Security-Policy in a real browser: the
// pages readers use (search as you type, sign-up, bookmarking, sign-in) run without a single violation,
// the reader settings' pre-paint inline script still runs, and what the policy forbids really is refused.
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS_STORAGE_KEY } from '../lib/reading/settings';
import { embedOrigins } from '../lib/render/embed-hosts.mjs';
import { E2E_OIDC } from './support/env';
import {
  bookmarkButton,
  expectBookmarkState,
  newDevice,
  openHeaderSearch,
  signIn,
  signUp,
  uniqueEmail,
} from './support/reader';

// The whole policy of a production build on an http site with the test's OpenID Connect provider and no
// other OAuth keys (the test server's settings): no 'unsafe-eval', and no upgrade-insecure-requests on http.
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: http: data: blob:",
  "media-src 'self' https: http:",
  `frame-src ${embedOrigins().join(' ')}`,
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  `form-action 'self' ${E2E_OIDC.issuer}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

test('every kind of response carries the policy and the no-sniff, referrer and permissions headers', async ({
  request,
}) => {
  const home = await request.get('/');
  const asset = (await home.text()).match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset, 'a script bundle linked from the home page').toBeTruthy();
  const urls = [
    '/',
    '/articles/night-train-notes',
    '/api/bookmarks/state',
    '/feed.xml',
    '/demo/hutong-morning.jpg',
    asset ?? '',
    '/no/such/page',
  ];
  for (const url of urls) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(url === '/no/such/page' ? 404 : 200);
    const headers = res.headers();
    expect(headers['content-security-policy'], url).toBe(POLICY);
    expect(headers['content-security-policy'], url).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['x-frame-options'], url).toBe('DENY');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], url).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  }
});

/** Records every CSP violation the page reports, from the first script on, across navigations. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const seen: string[] = [];
  return async () => {
    seen.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.splice(0))));
    return [...seen, ...fromConsole];
  };
}

test('reading, searching, signing up, bookmarking and signing in cause no CSP violation', async ({
  browser,
  isMobile,
}) => {
  const context = await newDevice(browser);
  const page = await context.newPage();
  await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ theme: 'dark' })), SETTINGS_STORAGE_KEY);
  const violations = await watchViolations(page);

  await page.goto('/');
  // The pre-paint reading-settings script is inline: it ran if the stored preference reached <html> before hydration.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme-pref', 'dark');
  expect(await violations()).toEqual([]);

  const input = await openHeaderSearch(page, isMobile);
  await input.pressSequentially('书店');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('link').first()).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto('/categories');
  await page.getByRole('main').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);

  const email = uniqueEmail('csp');
  await page.goto('/signup');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/$/);
  const title = '夜车笔记：从北京西到兰州';
  await page.goto('/articles/night-train-notes');
  await expectBookmarkState(page, title, false);
  await bookmarkButton(page, title).click();
  await expectBookmarkState(page, title, true);
  await page.goto('/bookmarks');
  await expect(page.getByTestId('bookmark-list').getByRole('link', { name: title })).toBeVisible();
  expect(await violations()).toEqual([]);

  // Sign in again in a fresh device, through the form.
  const second = await newDevice(browser);
  const other = await second.newPage();
  const otherViolations = await watchViolations(other);
  await other.goto('/signin');
  await signIn(other, email);
  await expect(other).toHaveURL(/\/$/);
  await other.goto('/bookmarks');
  await expect(other.getByTestId('bookmark-list').getByRole('link', { name: title })).toBeVisible();
  expect(await otherViolations()).toEqual([]);
  await context.close();
  await second.close();
});

// (That eval is refused cannot be seen from here: DevTools, which drives the browser, lifts the eval check
// for the page once it evaluates anything. The header test above proves 'unsafe-eval' is absent.)
test('the policy is enforced: a script from another origin is refused', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/articles/night-train-notes');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = 'https://scripts.example.invalid/track.js';
    document.head.append(script);
  });
  await expect
    .poll(violations)
    .toContainEqual(expect.stringMatching(/script-src-elem https:\/\/scripts\.example\.invalid/));
});
