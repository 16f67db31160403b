// Pictures, sharing and printing on an article page, as a reader meets them: the full-size viewer (pointer,
// keyboard, swipe), broken pictures read as their captions, the share button with and without a share
// sheet or a Clipboard API, and the printout.
import { expect, test, type Locator, type Page } from '@playwright/test';

const ARTICLE = '/articles/night-train-notes';
const TITLE = '夜车笔记：从北京西到兰州';
const CAPTION = '车窗外的灯光被拉成长长的线，桌上的茶还冒着热气';
const FIRST = '/demo/night-train-window.jpg';
const SECOND = '/demo/night-train.jpg';

function figures(page: Page): Locator {
  return page.locator('.prose-article figure');
}

function viewer(page: Page): Locator {
  return page.getByRole('dialog', { name: '查看大图' });
}

/** The picture's own link: what a reader clicks, taps or reaches with Tab. */
function zoomLink(page: Page, index: number): Locator {
  return figures(page).nth(index).locator('a.image-zoom');
}

async function focusedInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((el) => el.contains(document.activeElement));
}

test.describe('the full-size picture viewer', () => {
  test('a click or tap opens the picture with its caption; Esc closes it and focus returns to the picture', async ({
    page,
    isMobile,
  }) => {
    await page.goto(ARTICLE);
    const first = zoomLink(page, 0);
    await expect(first.locator('img')).toHaveJSProperty('complete', true);
    if (isMobile) await first.tap();
    else await first.click();

    const dialog = viewer(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('figcaption')).toHaveText(CAPTION);
    const big = dialog.locator('img');
    await expect(big).toHaveAttribute('src', new RegExp(`${FIRST}$`));
    await expect(big).toHaveAttribute('alt', CAPTION);
    await expect(big).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(big).toHaveJSProperty('complete', true);
    expect(await big.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(dialog).toContainText('第 1 张，共 2 张');
    // It fills the screen, and the page behind it does not scroll.
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(box.height).toBeGreaterThanOrEqual(viewport.height - 1);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);

    await expect(dialog.getByRole('button', { name: '关闭' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(first).toBeFocused();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
  });

  test('from the keyboard: Enter opens, arrows move between pictures, Tab stays inside, the close button closes', async ({
    page,
  }) => {
    await page.goto(ARTICLE);
    const first = zoomLink(page, 0);
    await expect(first).toHaveAccessibleName(`${CAPTION} （查看大图）`);
    await first.focus();
    await page.keyboard.press('Enter');
    const dialog = viewer(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('figcaption')).toHaveText(CAPTION);

    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('img')).toHaveAttribute('src', new RegExp(`${SECOND}$`));
    await expect(dialog).toContainText('第 2 张，共 2 张');
    // The second picture has no caption and no alt text: no empty caption either.
    await expect(dialog.locator('figcaption')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(dialog.locator('img')).toHaveAttribute('src', new RegExp(`${FIRST}$`));
    await page.keyboard.press('ArrowLeft');
    await expect(dialog).toContainText('第 2 张，共 2 张');

    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await focusedInside(dialog), `focus left the viewer after ${i + 1} presses`).toBe(true);
    }

    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
    // Closed on the second picture: the reader is taken back to it, not to where they started.
    const second = zoomLink(page, 1);
    await expect(second).toBeFocused();
    await expect(second).toBeInViewport();
  });

  test('a tap on the dark area closes; a swipe moves to the next picture', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'swiping is a touch gesture');
    await page.goto(ARTICLE);
    const dialog = viewer(page);
    const big = dialog.locator('img');
    const viewport = page.viewportSize()!;

    await zoomLink(page, 0).tap();
    await expect(dialog).toBeVisible();
    // Below the picture and its caption, above the previous/next buttons: the dark area around it.
    const caption = (await dialog.locator('figcaption').boundingBox())!;
    await page.touchscreen.tap(viewport.width / 2, caption.y + caption.height + 40);
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));

    await zoomLink(page, 0).tap();
    await expect(dialog).toBeVisible();
    const box = (await big.boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.8);
    for (const f of [0.65, 0.5, 0.35, 0.2]) await touch('touchMove', box.x + box.width * f);
    await touch('touchEnd', box.x + box.width * 0.2);
    await expect(big).toHaveAttribute('src', new RegExp(`${SECOND}$`));
    await expect(dialog).toContainText('第 2 张，共 2 张');
    await expect(dialog).toBeVisible();
  });
});

test.describe('pictures that fail to load', () => {
  test('collapse to their caption or a note, before and after the page comes alive; the head image goes', async ({
    page,
  }) => {
    // The first picture fails at once, long before the page's script runs; the second (and the head image,
    // the same file) is held until the script has run, so it fails afterwards.
    await page.route(`**${FIRST}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    let release!: () => void;
    const hydrated = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${SECOND}`, async (route) => {
      await hydrated;
      await route.fulfill({ status: 403, contentType: 'text/html', body: 'hotlinking refused' });
    });

    // Not waiting for `load`: that waits for the held picture.
    await page.goto(ARTICLE, { waitUntil: 'domcontentloaded' });
    const [first, second] = [figures(page).nth(0), figures(page).nth(1)];
    await expect(first.locator('.article-image')).toHaveAttribute('data-broken', '');
    release();

    // First: the caption stays, with a note; no picture and no empty box where it was.
    await expect(first.locator('img')).toBeHidden();
    await expect(first.locator('figcaption')).toHaveText(CAPTION);
    await expect(first).toContainText('图片无法加载');
    // The alt text repeats the caption, so it is not shown twice.
    await expect(first.getByText(CAPTION).filter({ visible: true })).toHaveCount(1);
    await expect(first.locator('.image-fallback-alt')).toBeHidden();
    await expect(first.getByRole('link', { name: /打开原图/ })).toHaveAttribute('href', FIRST);
    expect((await first.boundingBox())!.height).toBeLessThan(160);

    // Second: no caption, no alt text: the note and a link to the original, in a small box.
    await second.scrollIntoViewIfNeeded();
    await expect(second.locator('.article-image')).toHaveAttribute('data-broken', '');
    await expect(second.locator('img')).toBeHidden();
    await expect(second).toContainText('图片无法加载');
    await expect(second.getByRole('link', { name: /打开原图/ })).toBeVisible();
    expect((await second.boundingBox())!.height).toBeLessThan(120);

    // The head image is decorative: it is removed rather than left as a grey box.
    await expect(page.locator('main figure.article-image')).toBeHidden();

    // A broken picture is not offered full size.
    await expect(zoomLink(page, 0)).toBeHidden();
  });

  test('pictures that load are left exactly as they were', async ({ page }) => {
    await page.goto(ARTICLE);
    const img = figures(page).nth(0).locator('img');
    await expect(img).toHaveJSProperty('complete', true);
    const before = (await img.boundingBox())!;
    expect(before.height).toBeGreaterThan(100);
    await page.waitForLoadState('load');
    await expect(page.locator('[data-broken]')).toHaveCount(0);
    await expect(page.locator('.image-fallback').first()).toBeHidden();
    expect((await img.boundingBox())!.height).toBeCloseTo(before.height, 0);
  });
});

test.describe('sharing an article', () => {
  test('uses the system share sheet where there is one, with the canonical address and the title', async ({
    page,
    baseURL,
  }) => {
    await page.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.assign(window, { __shared: calls });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: ShareData) => void calls.push(data),
      });
      Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
    });
    await page.goto(ARTICLE);
    await page.getByRole('button', { name: '分享' }).first().click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared))
      .toEqual([{ url: `${baseURL}${ARTICLE}`, title: TITLE }]);
    await expect(page.getByRole('status').filter({ hasText: '链接已复制' })).toHaveCount(0);
  });

  test('without one, copies the address to the clipboard and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined });
    });
    await page.goto(ARTICLE);
    const share = page.getByRole('button', { name: '分享' }).last();
    await share.scrollIntoViewIfNeeded();
    await share.click();
    const status = page.getByRole('status').filter({ hasText: '链接已复制' });
    await expect(status).toBeVisible();
    await expect(status).toHaveAttribute('aria-live', 'polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${ARTICLE}`);
  });

  test('without the Clipboard API, copies by selection; when even that fails, shows the address to copy', async ({
    page,
    baseURL,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined });
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, value: undefined });
      const copied: string[] = [];
      Object.assign(window, { __copied: copied, __copyWorks: true });
      document.execCommand = (command: string) => {
        const field = document.activeElement as HTMLTextAreaElement | null;
        if (command !== 'copy' || !field) return false;
        if (!(window as unknown as { __copyWorks: boolean }).__copyWorks) return false;
        copied.push(field.value.slice(field.selectionStart, field.selectionEnd));
        return true;
      };
    });
    await page.goto(ARTICLE);
    const share = page.getByRole('button', { name: '分享' }).first();
    await share.click();
    await expect(page.getByRole('status').filter({ hasText: '链接已复制' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual([
      `${baseURL}${ARTICLE}`,
    ]);

    await page.evaluate(() => Object.assign(window, { __copyWorks: false }));
    await share.click();
    const field = page.getByRole('textbox', { name: '本文链接' });
    await expect(field).toHaveValue(`${baseURL}${ARTICLE}`);
    await expect(page.getByRole('status').filter({ hasText: '请手动复制链接' })).toBeVisible();
  });
});

test('the printout: the article in black on white, no site controls, outbound addresses written out', async ({
  page,
}) => {
  // A dark screen theme must not print white text.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(ARTICLE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.locator('body > footer')).toBeHidden();
  // Hidden controls are out of the accessibility tree, so they are found by their markup here.
  await expect(page.locator('button', { hasText: '分享' })).toHaveCount(2);
  for (const button of await page.locator('button').all()) await expect(button).toBeHidden();
  await expect(page.getByRole('navigation', { name: '文章目录' })).toHaveCount(0);
  await expect(page.locator('nav:visible')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(figures(page).first().locator('img')).toBeVisible();

  const colours = await page.evaluate(() => {
    const body = document.querySelector('.prose-article')!;
    return { text: getComputedStyle(body).color, page: getComputedStyle(document.body).backgroundColor };
  });
  expect(colours).toEqual({ text: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });

  const after = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await after('.prose-article a[href="https://www.12306.cn/"]')).toBe('"（https://www.12306.cn/）"');
  expect(await after('.prose-article a.heading-anchor')).toBe('none');
  expect(await after('.prose-article a.image-zoom')).toBe('none');

  const layout = await page.evaluate(() => ({
    figure: getComputedStyle(document.querySelector('.prose-article figure')!).breakInside,
    heading: getComputedStyle(document.querySelector('.prose-article .section-heading')!).breakAfter,
  }));
  expect(layout).toEqual({ figure: 'avoid', heading: 'avoid' });
});
