// What an outside attack on the running site found, tried again against the production build: unknown
// addresses that cost disk and drew a blank page, requests Next answered with a 500, a cache keyed on a
// rewritten request, forged client addresses, and session cookies that outlived signing out.
import net from 'node:net';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from './support/env';
import { bookmarkButton, expectBookmarkState, newDevice, signIn, signUp, uniqueEmail } from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' };

/** The files under the build folder, where Next keeps its ISR cache, with their sizes. */
function buildFolderFiles(): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(full, statSync(full).size);
    }
  };
  walk(path.resolve(process.env.NEXT_DIST_DIR || '.next', 'server'));
  return files;
}

/** A request line the HTTP clients here cannot send (`OPTIONS *`), over a plain socket. */
function rawRequest(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(E2E_PORT, '127.0.0.1', () =>
      socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
    );
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

test.describe('addresses and requests a stranger makes up', () => {
  test.skip(({ isMobile }) => isMobile, 'server behaviour, checked once');

  test('an unknown article address answers the real zh-CN 404 page, server-rendered, to a browser without JavaScript', async ({
    browser,
  }) => {
    const context = await newDevice(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    for (const target of [
      '/articles/no-such-article-anywhere',
      `/articles/${encodeURIComponent('没有这篇文章')}`,
      '/articles/nope/opengraph-image',
    ]) {
      const res = await page.goto(target);
      expect(res?.status(), target).toBe(404);
      const html = (await res?.text()) ?? '';
      expect(html, target).not.toContain('__next_error__');
      if (!target.endsWith('opengraph-image')) {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('这条胡同走不通');
        await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
      }
    }
    await context.close();
  });

  test('a thousand unknown article addresses (and their cards, and 300-byte slugs) leave the build folder as it was', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    // Warm up the 404 path once, then measure. Next writes a page's entry to its route cache the first
    // time the page is served, even from the build's copy: every real page is asked once first, so what
    // other tests ask meanwhile adds only the few pages renewed because they grew stale.
    await request.get('/articles/warm-up-unknown');
    const sitemap = await (await request.get('/sitemap.xml')).text();
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      expect((await request.get(new URL(loc!).pathname)).status(), loc).toBe(200);
    }
    const before = buildFolderFiles();
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const n = i + j;
          const target =
            n % 10 === 0
              ? `/articles/${'长'.repeat(100)}-${n}`
              : n % 2
                ? `/articles/made-up-${n}/opengraph-image`
                : `/articles/made-up-${n}`;
          return request.get(target).then((res) => expect(res.status(), target).toBe(404));
        }),
      );
    }
    // Other tests run meanwhile and may have a page renewed (one page is ~7 files); a thousand made-up
    // addresses used to add 7,000 files. None may carry a made-up name, and the rest stays within one
    // renewed page or two.
    const added = [...buildFolderFiles()].filter(([file]) => !before.has(file));
    const madeUp = added.filter(([file]) => /made-up|warm-up|长长|%E9%95%BF/i.test(file)).map(([file]) => file);
    expect(madeUp).toEqual([]);
    expect(added.length, added.map(([file]) => file).join('\n')).toBeLessThanOrEqual(16);
  });

  test('malformed escapes, OPTIONS * and impossible ranges get a 4xx with the security headers, not a 500', async ({
    request,
  }) => {
    for (const target of ['/articles/%FF', '/archive/%FF', '/categories/%E4%B8']) {
      const res = await request.get(target);
      expect(res.status(), target).toBe(400);
      expect(res.headers()['content-security-policy'], target).toContain("frame-ancestors 'none'");
      expect(await res.text()).toContain('请求地址无效');
    }
    expect(await rawRequest('OPTIONS * HTTP/1.1')).toMatch(/^HTTP\/1\.1 405 /);
    const home = await (await request.get('/')).text();
    const asset = home.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    for (const file of [asset!, '/demo/hutong-morning.jpg']) {
      const res = await request.get(file, { headers: { Range: 'bytes=99999999-' } });
      expect(res.status(), file).toBe(416);
      expect(res.headers()['content-range'], file).toMatch(/^bytes \*\/\d+$/);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
    }
  });

  test('a server action posted from another site is 403, one over 1 MB is 413, and neither is a 500', async ({
    request,
    baseURL,
  }) => {
    const html = await (await request.get('/signin')).text();
    const actionId = /\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
    expect(actionId, 'a server action id in the sign-in form').toBeTruthy();
    const foreign = await request.post('/signin', {
      headers: { Origin: 'https://evil.example', 'Next-Action': actionId!, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
    });
    expect(foreign.status()).toBe(403);
    const huge = await request.post('/signin', {
      headers: { Origin: baseURL!, 'Next-Action': actionId!, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(huge.status()).toBe(413);
  });

  test('the response cache keys a request as it arrived: an RSC payload never answers a page request', async ({
    request,
  }) => {
    const rsc = await request.get('/?_rsc=', { headers: { RSC: '1' } });
    expect(rsc.headers()['content-type']).toContain('text/x-component');
    for (let i = 0; i < 2; i++) {
      const page = await request.get('/?_rsc=');
      expect(page.headers()['content-type']).toContain('text/html');
    }
  });
});

test('signing out ends the session on the server: a copied cookie no longer reads, writes or opens the account', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail('revoked');
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/articles/${CYCLING.slug}`)}`);
  await signUp(page, email);
  await expectBookmarkState(page, CYCLING.title, false);

  // Someone copies the session cookie while the reader is signed in.
  const copied = (await device.cookies()).filter((c) => c.name.includes('authjs.session-token'));
  expect(copied.length).toBeGreaterThan(0);
  const thief = await playwright.request.newContext({ baseURL, storageState: { cookies: copied, origins: [] } });
  expect((await (await thief.get('/api/bookmarks/state')).json()).user?.email).toBe(email);

  await page.goto('/account');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);

  // The copy is dead everywhere: state, writes, the account page.
  expect(await (await thief.get('/api/bookmarks/state')).json()).toEqual({ user: null, bookmarked: [] });
  const write = await thief.post('/api/bookmarks', { data: { slug: CYCLING.slug, bookmarked: true } });
  expect(write.status()).toBe(401);
  const account = await thief.get('/account', { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(account.status());
  expect(account.headers()['location']).toContain('/signin');
  await thief.dispose();
  await device.close();
});

test('退出所有设备 on one device signs out every other', async ({ browser }) => {
  const email = uniqueEmail('everywhere');
  const laptop = await newDevice(browser);
  const laptopPage = await laptop.newPage();
  await laptopPage.goto('/signup?callbackUrl=%2Faccount');
  await signUp(laptopPage, email);

  const phone = await newDevice(browser);
  const phonePage = await phone.newPage();
  await phonePage.goto('/signin?callbackUrl=%2Faccount');
  await signIn(phonePage, email);
  await expect(phonePage).toHaveURL(/\/account$/);

  // The laptop lists both devices, this one marked.
  await laptopPage.reload();
  const devices = laptopPage.locator('#devices ~ div li');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: '本设备' })).toHaveCount(1);
  await laptopPage.getByRole('button', { name: '退出所有设备' }).click();
  await expect(laptopPage).toHaveURL(/\/signin\?notice=signed-out-everywhere$/);
  await expect(laptopPage.getByRole('main').getByRole('status')).toContainText('已退出所有设备');

  await phonePage.goto(`/articles/${CYCLING.slug}`);
  await bookmarkButton(phonePage, CYCLING.title).click();
  await expect(phonePage).toHaveURL(/\/signin\?callbackUrl=/);
  await laptop.close();
  await phone.close();
});
