// The reading controls on an article page, as a reader uses them: 阅读设置 (font size, theme, line
// width) that survive a reload without a flash, the progress bar, the table of contents following the
// text, back-to-top, and coming back to the place where one stopped reading.
import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/articles/open-source-maintainer';

function openSettings(page: Page) {
  return page.getByRole('button', { name: '阅读设置' }).click();
}

function settingsPanel(page: Page) {
  return page.getByRole('dialog', { name: '阅读设置' });
}

async function proseFontSize(page: Page) {
  return page.locator('.prose-article').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Scrolls so that the top of the window is `fraction` of the way through the article text. */
async function scrollIntoBody(page: Page, fraction: number) {
  await page.evaluate((f) => {
    const body = document.getElementById('article-body')!;
    const rect = body.getBoundingClientRect();
    window.scrollTo({ top: rect.top + window.scrollY + rect.height * f, behavior: 'instant' });
  }, fraction);
}

test('a larger font and the sepia theme stay chosen across a reload, from the first paint', async ({ page }) => {
  await page.goto(ARTICLE);
  const before = await proseFontSize(page);

  await openSettings(page);
  const panel = settingsPanel(page);
  await panel.getByRole('group', { name: '字号' }).getByRole('radio', { name: '特大' }).check();
  await panel.getByRole('group', { name: '主题' }).getByRole('radio', { name: '护眼' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await expect(page.locator('html')).toHaveAttribute('data-font-size', 'xl');
  expect(await proseFontSize(page)).toBeCloseTo(before * 1.25, 1);
  // The browser's own chrome (a phone's address bar) takes the paper colour too.
  for (const meta of await page.locator('meta[name="theme-color"]').all())
    await expect(meta).toHaveAttribute('content', '#f4ecd8');
  // Esc closes the panel and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: '阅读设置' })).toBeFocused();

  // With every script of the app blocked, only the inline pre-paint script can have applied them: what
  // the reader sees first is already sepia and large.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.reload({ waitUntil: 'domcontentloaded' });
  const first = await page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    fontSize: document.documentElement.dataset.fontSize,
    background: getComputedStyle(document.body).backgroundColor,
    prose: parseFloat(getComputedStyle(document.querySelector('.prose-article')!).fontSize),
  }));
  expect(first).toMatchObject({ theme: 'sepia', fontSize: 'xl', background: 'rgb(244, 236, 216)' });
  expect(first.prose).toBeCloseTo(before * 1.25, 1);
  await page.unroute('**/_next/static/**/*.js');

  // The choice holds on every page, and the panel shows it.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await openSettings(page);
  await expect(settingsPanel(page).getByRole('radio', { name: '护眼' })).toBeChecked();
  await expect(
    settingsPanel(page).getByRole('group', { name: '字号' }).getByRole('radio', { name: '特大' }),
  ).toBeChecked();
});

test('a reader who chose dark with the old theme toggle keeps it, and 跟随系统 follows the system', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hutong-theme', 'dark');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(ARTICLE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openSettings(page);
  const themes = settingsPanel(page).getByRole('group', { name: '主题' });
  await expect(themes.getByRole('radio', { name: '深色' })).toBeChecked();

  await themes.getByRole('radio', { name: '跟随系统' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Migrated: the old key is gone and the new one remembers 跟随系统 after a reload.
  expect(await page.evaluate(() => localStorage.getItem('hutong-theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme-pref', 'system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the panel works from the keyboard and closes when focus leaves it', async ({ page, isMobile }) => {
  test.skip(isMobile, 'no physical keyboard on the phone profile');
  await page.goto(ARTICLE);
  const button = page.getByRole('button', { name: '阅读设置' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // Focus starts on the chosen font size; arrows move between sizes and apply them at once.
  const sizes = settingsPanel(page).getByRole('group', { name: '字号' });
  await expect(sizes.getByRole('radio', { name: '标准' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(sizes.getByRole('radio', { name: '大', exact: true })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-font-size', 'lg');
  // Tab to the theme group, then on past the panel's last stop: it closes.
  await page.keyboard.press('Tab');
  await expect(settingsPanel(page).getByRole('radio', { name: '跟随系统' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(settingsPanel(page)).toBeHidden();
});

test('line width changes the text column on a desktop screen', async ({ page, isMobile }) => {
  test.skip(isMobile, 'on a phone the screen sets the line length; the option is not offered');
  await page.goto(ARTICLE);
  const width = () => page.locator('.prose-article').evaluate((el) => el.getBoundingClientRect().width);
  const normal = await width();
  await openSettings(page);
  const widths = settingsPanel(page).getByRole('group', { name: '行宽' });
  await widths.getByRole('radio', { name: '窄' }).check();
  const narrow = await width();
  await widths.getByRole('radio', { name: '宽' }).check();
  const wide = await width();
  expect(narrow).toBeLessThan(normal - 50);
  expect(wide).toBeGreaterThan(normal + 50);
  await page.reload();
  expect(await width()).toBeCloseTo(wide, 0);
});

test('on a phone the panel fits the screen and offers no line width', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'phone layout');
  await page.goto(ARTICLE);
  await openSettings(page);
  const panel = settingsPanel(page);
  await expect(panel.getByRole('group', { name: '主题' })).toBeVisible();
  await expect(panel.getByRole('group', { name: '行宽' })).toBeHidden();
  const box = (await panel.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  // A tap outside closes it.
  await page.touchscreen.tap(viewport.width / 2, Math.min(viewport.height - 20, box.y + box.height + 40));
  await expect(panel).toBeHidden();
});

test('the progress bar grows and the table of contents marks the section in view', async ({ page, isMobile }) => {
  await page.goto(ARTICLE);
  const bar = page.getByRole('progressbar', { name: '阅读进度' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');

  const toc = page.getByRole('navigation', { name: '文章目录' }).filter({ visible: true });
  if (isMobile) await toc.locator('summary').click();
  const links = toc.getByRole('link');
  await expect(links.first()).toBeVisible();
  const current = toc.locator('[aria-current="location"]');
  await expect(current).toHaveCount(0);
  // A jump straight into the middle of the text (no heading passes the top of the window on the way).
  await scrollIntoBody(page, 0.5);
  await expect(current).toHaveCount(1);

  // Put the third section's heading just below the header, as the TOC link would.
  const third = page.locator('.prose-article h2').nth(2);
  const thirdName = (await third.textContent())!.trim();
  await third.evaluate((h) =>
    window.scrollTo({ top: h.getBoundingClientRect().top + window.scrollY - 80, behavior: 'instant' }),
  );
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(30);
  const middle = Number(await bar.getAttribute('aria-valuenow'));
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText(thirdName);

  // Scrolling on moves the bar on and the mark to the next section.
  const fourth = page.locator('.prose-article h2').nth(3);
  await fourth.evaluate((h) =>
    window.scrollTo({ top: h.getBoundingClientRect().top + window.scrollY - 80, behavior: 'instant' }),
  );
  await expect(current).toHaveText((await fourth.textContent())!.trim());
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(middle);

  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
});

test('back-to-top appears further down and takes the reader and the focus back to the top', async ({ page }) => {
  await page.goto(ARTICLE);
  const button = page.getByRole('button', { name: '回到顶部' });
  await expect(button).toBeHidden();
  await scrollIntoBody(page, 0.6);
  await expect(button).toBeVisible();
  await button.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('main')).toBeFocused();
  await expect(button).toBeHidden();
});

test('coming back to an article returns the reader to where they stopped', async ({ page }) => {
  await page.goto(ARTICLE);
  await scrollIntoBody(page, 0.5);
  const left = await page.evaluate(() => window.scrollY);
  // Saved shortly after scrolling stops.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('hutong-reading-positions') ?? ''))
    .toContain('open-source-maintainer');

  await page.goto('/');
  await page.goto(ARTICLE);
  const notice = page.getByRole('status').filter({ hasText: '已回到上次读到的位置' });
  await expect(notice).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(left - 40);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(left + 40);

  // A link to a section wins over the remembered place.
  const sectionId = (await page.locator('.prose-article h2').first().getAttribute('id'))!;
  await page.goto('/');
  await page.goto(`${ARTICLE}#${sectionId}`);
  await expect(page.locator('.prose-article h2').first()).toBeInViewport();
  await page.waitForTimeout(300);
  await expect(page.getByText('已回到上次读到的位置')).toHaveCount(0);

  // 从头读 takes them to the top and forgets the place.
  await page.goto(ARTICLE);
  await notice.getByRole('button', { name: '从头读' }).click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(notice).toBeHidden();
  await page.goto('/');
  await page.goto(ARTICLE);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByText('已回到上次读到的位置')).toHaveCount(0);
});

test('the place is restored after moving around the site without a full page load', async ({ page }) => {
  await page.goto(ARTICLE);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await scrollIntoBody(page, 0.4);
  const left = await page.evaluate(() => window.scrollY);
  // Straight away, before the delayed save: leaving the page saves the place. (A DOM click: Playwright's
  // own click would first scroll the page to reach the sticky header.)
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '首页' })
    .evaluate((a: HTMLElement) => a.click());
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status').filter({ hasText: '已回到上次读到的位置' })).toBeVisible();
  const back = await page.evaluate(() => window.scrollY);
  expect(Math.abs(back - left)).toBeLessThan(40);
});
