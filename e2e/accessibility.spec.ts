// Accessibility through axe-core (WCAG 2.0/2.1 A and AA, plus axe's best practices) on the pages readers
// use, in every theme a reader can pick, and the keyboard: every control in the header and on an article
// page is reached with Tab and shows where the focus is.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS_STORAGE_KEY } from '../lib/reading/settings';
import {
  bookmarkButton,
  expectBookmarkState,
  newDevice,
  openHeaderSearch,
  signUp,
  uniqueEmail,
} from './support/reader';

const THEMES = ['light', 'dark', 'sepia'] as const;
const ARTICLE = { slug: 'night-train-notes', title: '夜车笔记：从北京西到兰州' };

/** Picks the theme the way a reader's earlier choice does: stored before the page's first script runs. */
async function useTheme(page: Page, theme: string) {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    SETTINGS_STORAGE_KEY,
    JSON.stringify({ theme }),
  ] as const);
}

/** axe's findings as readable lines (rule, impact, the offending elements), so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
  );
}

/** Waits until client islands have hydrated and settled, so axe sees what a reader sees. */
async function settled(page: Page) {
  await expect(page.locator('header form[role="search"][data-live="true"]')).toBeAttached();
  await page.evaluate(() => document.fonts.ready);
}

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme);
    });

    const pages = [
      { name: 'home', path: '/' },
      { name: 'an article', path: `/articles/${ARTICLE.slug}` },
      { name: 'a category', path: `/categories/${encodeURIComponent('旅行')}` },
      { name: 'an archive month', path: '/archive/2024/04' },
      { name: 'search results', path: `/search?q=${encodeURIComponent('城市')}` },
      { name: 'sign-in', path: '/signin' },
    ];
    for (const { name, path } of pages) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await settled(page);
        if (name === 'search results')
          await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first()).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }

    test('signed in: bookmarks with a bookmark, and home with 继续阅读, have no axe violations', async ({
      browser,
    }) => {
      const context = await newDevice(browser);
      const page = await context.newPage();
      await useTheme(page, theme);
      await page.goto('/signup');
      await signUp(page, uniqueEmail(`a11y-${theme}`));
      await expect(page).toHaveURL(/\/$/);
      await page.goto(`/articles/${ARTICLE.slug}`);
      await expectBookmarkState(page, ARTICLE.title, false);
      await bookmarkButton(page, ARTICLE.title).click();
      await expectBookmarkState(page, ARTICLE.title, true);
      await page.goto('/bookmarks');
      await expect(page.getByTestId('bookmark-list').getByRole('link', { name: ARTICLE.title })).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
      // The article just opened is in the reader's history: home shows it under 继续阅读.
      await page.goto('/');
      await expect(page.getByTestId('continue-reading').getByRole('link', { name: ARTICLE.title })).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    test('highlights: the selection toolbar, the panel, the note editor and 我的划线 have no axe violations', async ({
      browser,
    }) => {
      const context = await newDevice(browser);
      const page = await context.newPage();
      await useTheme(page, theme);
      await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/articles/${ARTICLE.slug}`)}`);
      await signUp(page, uniqueEmail(`a11y-hl-${theme}`));
      await expect(page.locator('[data-user-menu="reader"]')).toBeVisible();
      await settled(page);
      // A painted highlight with a note, then a fresh selection for the toolbar.
      await page.evaluate(() => {
        const body = document.getElementById('article-body')!;
        const paragraph = [...body.querySelectorAll('p')].find((p) => (p.textContent ?? '').length > 30)!;
        const text = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode() as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, Math.min(12, text.data.length));
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      });
      const toolbar = page.getByRole('toolbar', { name: /划线工具/ });
      await expect(toolbar).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await toolbar.getByRole('button', { name: '写笔记' }).click();
      const note = page.getByRole('dialog', { name: '划线笔记' });
      await expect(note).toBeVisible();
      await note.getByLabel('笔记').fill('深夜的车厢');
      expect(await violations(page)).toEqual([]);
      await note.getByRole('button', { name: '保存' }).click();
      await expect(note).toHaveCount(0);
      await page.getByTestId('highlights-button').click();
      await expect(page.getByRole('dialog', { name: '本文的划线与笔记' }).getByTestId('panel-highlight')).toHaveCount(
        1,
      );
      expect(await violations(page)).toEqual([]);
      await page.goto('/highlights');
      await expect(page.getByTestId('highlight-item')).toHaveCount(1);
      await settled(page);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    test('the 收藏夹 dialog, 我的收藏 with its filters and 我的关注 have no axe violations', async ({ browser }) => {
      const context = await newDevice(browser);
      const page = await context.newPage();
      await useTheme(page, theme);
      await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/articles/${ARTICLE.slug}`)}`);
      await signUp(page, uniqueEmail(`a11y-lib-${theme}`));
      await expectBookmarkState(page, ARTICLE.title, false);
      await bookmarkButton(page, ARTICLE.title).click();
      await expectBookmarkState(page, ARTICLE.title, true);
      await page.getByRole('button', { name: '收藏夹', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '收藏夹' });
      await dialog.getByLabel('新建收藏夹').fill('夜车');
      await dialog.getByRole('button', { name: '新建并加入' }).click();
      await expect(dialog.getByRole('checkbox', { name: /夜车/ })).toBeChecked();
      expect(await violations(page)).toEqual([]);
      await dialog.getByRole('button', { name: '完成' }).click();
      await page.goto('/bookmarks?state=later');
      await expect(page.getByTestId('bookmark-list').getByRole('link', { name: ARTICLE.title })).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
      await page.goto(`/categories/${encodeURIComponent('旅行')}`);
      await page.getByRole('button', { name: '关注分类“旅行”' }).click();
      await expect(page.getByRole('button', { name: '关注分类“旅行”' })).toHaveAttribute('aria-pressed', 'true');
      expect(await violations(page)).toEqual([]);
      await page.goto('/following');
      await expect(page.getByTestId('following-articles').getByRole('listitem').first()).toBeVisible();
      await settled(page);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    test('the open picture viewer has no axe violations', async ({ page }) => {
      await page.goto(`/articles/${ARTICLE.slug}`);
      await settled(page);
      await page.locator('.prose-article figure a.image-zoom').first().click();
      const viewer = page.getByRole('dialog', { name: '查看大图' });
      await expect(viewer).toBeVisible();
      await expect(viewer.locator('img')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the open header search has no axe violations', async ({ page, isMobile }) => {
      await page.goto('/');
      await openHeaderSearch(page, isMobile);
      expect(await violations(page)).toEqual([]);
    });
  });
}

/** Tabs through the page from the top, recording each focused element and whether it shows a focus ring. */
async function tabThrough(page: Page, limit: number) {
  const seen: { key: string; visible: boolean }[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none';
      return { key: el.dataset.tabKey ?? '', visible: el.matches(':focus-visible') && (ring || shadow) };
    });
    if (!info) break;
    seen.push(info);
  }
  return seen;
}

test('every control in the header and on an article page is reached by Tab and shows its focus', async ({ page }) => {
  await page.goto(`/articles/${ARTICLE.slug}`);
  await settled(page);
  await expectBookmarkState(page, ARTICLE.title, false);
  // Label each control a reader can see in the site header and the main area, in document order
  // (links inside a closed <details> are reached once its summary opens it).
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const found: string[] = [];
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (
        !el.closest('body > header, main') ||
        !el.checkVisibility({ visibilityProperty: true, opacityProperty: false })
      )
        continue;
      n += 1;
      el.dataset.tabKey = `c${n}`;
      found.push(
        `c${n}: ${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`,
      );
    }
    return found;
  });
  expect(controls.length).toBeGreaterThan(5);
  const seen = await tabThrough(page, controls.length + 40);
  const reached = new Map(seen.filter((s) => s.key).map((s) => [s.key, s.visible]));
  const missing = controls.filter((c) => !reached.has(c.split(':')[0] ?? ''));
  const invisible = controls.filter((c) => reached.get(c.split(':')[0] ?? '') === false);
  expect(missing, 'controls Tab never reaches').toEqual([]);
  expect(invisible, 'controls focused without a visible indicator').toEqual([]);
});
