// 划线与笔记 through the real UI, on desktop and phone: select → highlight → reload → still there → note →
// 本文的划线与笔记 → 我的划线 → export; the same account on a second device; the keyboard (H); a signed-out
// reader; a highlight whose passage has gone (原文已改动); and the API refusing what a stranger sends.
import { expect, test, type Page } from '@playwright/test';
import { newDevice, signIn, signUp, uniqueEmail } from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' };
const PASSAGE = '手里的早饭被压成了一团';
const SECOND = '春天河边的柳树发芽';

const articleUrl = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

/** Selects the first occurrence of `text` in the article body, as a drag of the mouse or a long press would. */
async function selectPassage(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const body = document.getElementById('article-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not in the body: ${wanted}`);
  }, text);
}

/** What the page paints, per highlight name: the text of each range. */
async function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, highlight] of registry) out[name] = [...highlight].map((r) => r.toString());
    return out;
  });
}

async function openArticle(page: Page) {
  await page.goto(articleUrl(CYCLING.slug));
  await expect(page.getByRole('heading', { level: 1, name: CYCLING.title })).toBeVisible();
}

function status(page: Page) {
  return page.getByTestId('highlight-status');
}

/** Clicks (taps) the middle of a painted passage. */
async function clickPassage(page: Page, text: string, isMobile: boolean) {
  const point = await page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values())
      for (const range of highlight) {
        if (range.toString() !== wanted) continue;
        const box = range.getClientRects()[0]!;
        return { x: box.left + Math.min(box.width / 2, 30), y: box.top + box.height / 2 };
      }
    return null;
  }, text);
  expect(point).not.toBeNull();
  if (isMobile) await page.touchscreen.tap(point!.x, point!.y);
  else await page.mouse.click(point!.x, point!.y);
}

test('a reader highlights, notes, finds and exports passages; another device sees them', async ({
  browser,
  isMobile,
}, testInfo) => {
  const email = uniqueEmail(`highlights-${testInfo.project.name}`);
  const laptop = await newDevice(browser);
  const page = await laptop.newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(articleUrl(CYCLING.slug))}`);
  await signUp(page, email);
  await expect(page.getByRole('heading', { level: 1, name: CYCLING.title })).toBeVisible();
  await expect(page.locator('[data-user-menu="reader"]')).toBeVisible();

  // Select → toolbar → 绿色. The text does not move when the highlight is painted.
  const firstParagraph = page.locator('#article-body p').nth(1);
  const before = await firstParagraph.boundingBox();
  await selectPassage(page, PASSAGE);
  const toolbar = page.getByRole('toolbar', { name: /划线工具/ });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: '用绿色划线' }).click();
  await expect(status(page)).toHaveText('已用绿色划线');
  await expect(toolbar).toHaveCount(0);
  await expect.poll(() => painted(page)).toMatchObject({ 'hl-green': [PASSAGE] });
  expect(await firstParagraph.boundingBox()).toEqual(before);
  await expect(page.getByTestId('highlights-button')).toContainText('1');

  // Reload: still there, painted from the page's one reader-state request.
  await page.reload();
  await expect.poll(() => painted(page)).toMatchObject({ 'hl-green': [PASSAGE] });

  // Click the passage → its toolbar → 写笔记.
  await clickPassage(page, PASSAGE, isMobile);
  const own = page.getByRole('toolbar', { name: '这条划线' });
  await expect(own).toBeVisible();
  await expect(own.getByRole('button', { name: '改为绿色' })).toHaveAttribute('aria-pressed', 'true');
  await own.getByRole('button', { name: '写笔记' }).click();
  const noteDialog = page.getByRole('dialog', { name: '划线笔记' });
  await expect(noteDialog).toBeVisible();
  await expect(noteDialog.getByText(PASSAGE)).toBeVisible();
  await noteDialog.getByLabel('笔记').fill('挤地铁的早晨，谁都经历过');
  await noteDialog.getByRole('button', { name: '保存' }).click();
  await expect(noteDialog).toHaveCount(0);
  await expect(status(page)).toHaveText('笔记已保存');
  await expect.poll(() => painted(page)).toMatchObject({ 'hl-noted': [PASSAGE] });

  // The panel: the highlight with its note; a note on the whole article.
  await page.getByTestId('highlights-button').click();
  const panel = page.getByRole('dialog', { name: '本文的划线与笔记' });
  await expect(panel.getByTestId('panel-highlight')).toHaveCount(1);
  await expect(panel.getByTestId('panel-highlight')).toContainText('笔记：挤地铁的早晨，谁都经历过');
  await panel.getByRole('button', { name: '写本文笔记' }).click();
  const articleNote = page.getByRole('dialog', { name: '本文笔记' });
  await articleNote.getByLabel('笔记').fill('通勤方式决定了一天的心情');
  await articleNote.getByRole('button', { name: '保存' }).click();
  await expect(articleNote).toHaveCount(0);
  await expect(panel.getByText('通勤方式决定了一天的心情')).toBeVisible();
  await panel.getByRole('button', { name: '关闭' }).click();
  await expect(panel).toHaveCount(0);

  // A second device, the same account: the highlight is there; it adds one with the keyboard.
  const phone = await newDevice(browser);
  const other = await phone.newPage();
  await other.goto(`/signin?callbackUrl=${encodeURIComponent(articleUrl(CYCLING.slug))}`);
  await signIn(other, email);
  await expect(other.getByRole('heading', { level: 1, name: CYCLING.title })).toBeVisible();
  await expect.poll(() => painted(other)).toMatchObject({ 'hl-green': [PASSAGE], 'hl-noted': [PASSAGE] });
  await selectPassage(other, SECOND);
  await expect(other.getByRole('toolbar', { name: /划线工具/ })).toBeVisible();
  // A screen reader hears what the selection is and how to highlight it from the keyboard.
  await expect(other.getByTestId('selection-hint')).toHaveText(`已选中 ${SECOND.length} 字：按 H 划线，按 N 写笔记`);
  await other.keyboard.press('h');
  await expect(status(other)).toHaveText('已用黄色划线');
  await expect.poll(() => painted(other)).toMatchObject({ 'hl-yellow': [SECOND] });

  // 我的划线 on the first device: both, newest first; filters by colour and by words; grouped by article.
  await page.goto('/highlights');
  await expect(page.getByRole('heading', { level: 1, name: '我的划线' })).toBeVisible();
  const items = page.getByTestId('highlight-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(SECOND);
  await page.getByLabel('搜索划线和笔记').fill('地铁');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(PASSAGE);
  await page.goto('/highlights?color=yellow');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SECOND);
  await page.goto('/highlights?view=article');
  await expect(page.getByRole('heading', { level: 2, name: CYCLING.title })).toBeVisible();
  await expect(page.getByText('本文笔记：通勤方式决定了一天的心情')).toBeVisible();

  // Back to the passage from the list: the article opens there and flashes it.
  await page.goto('/highlights?q=%E5%9C%B0%E9%93%81');
  await items
    .first()
    .getByRole('link', { name: /中的位置/ })
    .click();
  await expect(page).toHaveURL(/#hl-[0-9a-f-]+$/);
  await expect(status(page)).toHaveText('已定位到这条划线');
  await expect
    .poll(() =>
      page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('hl-flash')),
    )
    .toBe(true);
  const inView = await page.evaluate(() => {
    const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hl-green')!][0]!;
    const box = range.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  expect(inView).toBe(true);

  // Export: Markdown for one article, a zip for all, JSON with the selectors; the account export includes them.
  const md = await page.request.get(`/api/highlights/export?format=md&slug=${CYCLING.slug}`);
  expect(md.status()).toBe(200);
  expect(md.headers()['content-disposition']).toContain("filename*=UTF-8''");
  const text = await md.text();
  expect(text).toContain(`title: "${CYCLING.title}"`);
  expect(text).toContain(`> ${PASSAGE}`);
  expect(text).toContain('**笔记：** 挤地铁的早晨，谁都经历过');
  expect(text).toContain('## 笔记\n\n通勤方式决定了一天的心情');
  const zip = await page.request.get('/api/highlights/export?format=md');
  expect(zip.headers()['content-type']).toBe('application/zip');
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
  const json = (await (await page.request.get('/api/highlights/export?format=json')).json()) as {
    articles: { slug: string; highlights: { text: string; target: { selector: { type: string }[] } }[] }[];
  };
  expect(json.articles[0]!.slug).toBe(CYCLING.slug);
  expect(json.articles[0]!.highlights.map((h) => h.text)).toEqual([PASSAGE, SECOND]);
  expect(json.articles[0]!.highlights[0]!.target.selector.map((s) => s.type)).toEqual([
    'TextQuoteSelector',
    'TextPositionSelector',
  ]);
  const account = (await (await page.request.get('/api/bookmarks/export')).json()) as { highlights: unknown[] };
  expect(account.highlights).toHaveLength(1);

  // Deleted on the phone → gone on the laptop after a reload.
  await other.reload();
  await expect.poll(() => painted(other)).toMatchObject({ 'hl-green': [PASSAGE] });
  await other.getByTestId('highlights-button').click();
  const otherPanel = other.getByRole('dialog', { name: '本文的划线与笔记' });
  await otherPanel.getByRole('button', { name: new RegExp(`删除划线：${PASSAGE.slice(0, 5)}`) }).click();
  await expect(otherPanel.getByTestId('panel-highlight')).toHaveCount(1);
  await expect(status(other)).toHaveText('已删除划线');
  await page.goto(articleUrl(CYCLING.slug));
  await expect.poll(() => painted(page)).toMatchObject({ 'hl-green': [], 'hl-yellow': [SECOND] });

  await laptop.close();
  await phone.close();
});

test('a mouse drag brings the toolbar; 分享这段 copies the passage with a link that opens it; at 390 px everything fits', async ({
  browser,
  isMobile,
}) => {
  const device = await newDevice(browser);
  await device.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await device.newPage();
  if (isMobile) await page.setViewportSize({ width: 390, height: 844 });
  await openArticle(page);
  const paragraph = page.locator('#article-body p').filter({ hasText: PASSAGE });
  await paragraph.scrollIntoViewIfNeeded();
  if (isMobile) await selectPassage(page, PASSAGE);
  else {
    // A real drag across the first line of the paragraph.
    const box = (await paragraph.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 8, { steps: 8 });
    await page.mouse.up();
  }
  const toolbar = page.getByRole('toolbar', { name: /划线工具/ });
  await expect(toolbar).toBeVisible();
  const bar = (await toolbar.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(bar.x).toBeGreaterThanOrEqual(0);
  expect(bar.x + bar.width).toBeLessThanOrEqual(width);
  for (const button of await toolbar.getByRole('button').all()) {
    const b = (await button.boundingBox())!;
    expect(Math.min(b.width, b.height), 'a tap target of at least 24 px').toBeGreaterThanOrEqual(24);
  }
  const selected = await page.evaluate(() => document.getSelection()!.toString().trim());
  expect(selected.length).toBeGreaterThan(2);
  if (!isMobile) {
    await toolbar.getByRole('button', { name: '分享这段' }).click();
    await expect(status(page)).toHaveText('已复制这段文字和链接');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`——《${CYCLING.title}》`);
    expect(copied).toMatch(new RegExp(`/articles/${CYCLING.slug}#:~:text=`));
  }
  await device.close();
});

test('a highlight whose passage has left the article is kept and shown as 原文已改动', async ({
  browser,
}, testInfo) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(articleUrl(CYCLING.slug))}`);
  await signUp(page, uniqueEmail(`orphan-${testInfo.project.name}`));
  await expect(page.locator('[data-user-menu="reader"]')).toBeVisible();
  // What an older version of the file said: a passage the article no longer has.
  const made = await page.request.post('/api/highlights', {
    data: {
      slug: CYCLING.slug,
      color: 'pink',
      exact: '这一段在文章修订时被整段删掉了，再也找不到',
      prefix: '',
      suffix: '',
      start: 40,
      end: 61,
    },
  });
  expect(made.status()).toBe(201);
  await page.reload();
  // The button counts the reader's highlights once the page is hydrated and has its state.
  await expect(page.getByTestId('highlights-button')).toContainText('1');
  await page.getByTestId('highlights-button').click();
  const panel = page.getByRole('dialog', { name: '本文的划线与笔记' });
  await expect(panel.getByTestId('panel-highlight')).toContainText('这一段在文章修订时被整段删掉了');
  await expect(panel.getByText(/原文已改动/)).toBeVisible();
  await expect(panel.getByRole('button', { name: '定位' })).toHaveCount(0);
  expect((await painted(page))['hl-pink'] ?? []).toEqual([]);
  // 我的划线 lists it too, and it can be deleted there.
  await page.goto('/highlights');
  const item = page.getByTestId('highlight-item');
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: /删除：这一段在文章修订时/ }).click();
  await expect(page.getByText('还没有划线。')).toBeVisible();
  await device.close();
});

test('a signed-out reader can copy a passage and is asked to sign in to highlight it', async ({ browser }) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await openArticle(page);
  await expect(page.locator('[data-user-menu="visitor"]')).toBeVisible();
  await selectPassage(page, PASSAGE);
  const toolbar = page.getByRole('toolbar', { name: /划线工具/ });
  await toolbar.getByRole('button', { name: '用黄色划线' }).click();
  await expect(status(page)).toContainText('登录后可以划线和写笔记');
  await expect(status(page).getByRole('link', { name: '登录' })).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent(articleUrl(CYCLING.slug))}`,
  );
  expect((await painted(page))['hl-yellow'] ?? []).toEqual([]);
  await device.close();
});

test('the highlights API refuses strangers, forgeries and malformed input with clear answers', async ({
  browser,
  request,
}, testInfo) => {
  const post = (data: unknown, headers: Record<string, string> = {}) =>
    request.post('/api/highlights', { data: data as object, headers });
  const good = { slug: CYCLING.slug, color: 'yellow', exact: PASSAGE, prefix: '', suffix: '', start: 5, end: 16 };
  // Signed out.
  const signedOut = await post(good);
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).message).toBe('请先登录再划线');

  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  await signUp(page, uniqueEmail(`hl-api-${testInfo.project.name}`));
  const api = page.request;
  const as = (data: unknown, headers: Record<string, string> = {}) =>
    api.post('/api/highlights', { data: data as object, headers });

  expect((await as(good, { origin: 'https://evil.example' })).status()).toBe(403);
  const badColor = await as({ ...good, color: 'red' });
  expect(badColor.status()).toBe(400);
  expect((await badColor.json()).message).toBe('颜色无效');
  expect((await as({ ...good, exact: '\ud800' })).status()).toBe(400);
  expect((await as({ ...good, start: -1 })).status()).toBe(400);
  const notObject = await as([1, 2, 3]);
  expect(notObject.status()).toBe(400);
  expect((await notObject.json()).message).toBe('请求内容应为 JSON 对象');
  expect((await as({ ...good, slug: 'no-such-article' })).status()).toBe(404);
  expect((await as({ ...good, slug: 'watch-repair-draft' })).status()).toBe(404);
  const huge = await api.post('/api/highlights', {
    data: Buffer.from(JSON.stringify({ ...good, note: '注'.repeat(100_000) })),
    headers: { 'content-type': 'application/json' },
  });
  expect(huge.status()).toBe(413);
  const notJson = await api.post('/api/highlights', {
    data: Buffer.from('{"slug":'),
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).message).toBe('请求内容不是有效的 JSON');

  const created = await as(good);
  expect(created.status()).toBe(201);
  const { highlight } = (await created.json()) as { highlight: { id: string } };
  // Someone else's highlight: as if it did not exist.
  const stranger = await newDevice(browser);
  const strangerPage = await stranger.newPage();
  await strangerPage.goto('/signup');
  await signUp(strangerPage, uniqueEmail(`hl-stranger-${testInfo.project.name}`));
  expect((await strangerPage.request.delete(`/api/highlights/${highlight.id}`)).status()).toBe(404);
  expect(
    (await strangerPage.request.patch(`/api/highlights/${highlight.id}`, { data: { color: 'blue' } })).status(),
  ).toBe(404);
  expect((await strangerPage.request.delete('/api/highlights/..%2F..%2Fetc')).status()).toBe(404);
  // The owner's own changes work; an empty change is a 400.
  expect((await api.patch(`/api/highlights/${highlight.id}`, { data: {} })).status()).toBe(400);
  expect((await api.patch(`/api/highlights/${highlight.id}`, { data: { color: 'blue' } })).status()).toBe(200);
  expect((await api.delete(`/api/highlights/${highlight.id}`)).status()).toBe(200);
  expect((await api.delete(`/api/highlights/${highlight.id}`)).status()).toBe(404);
  await device.close();
  await stranger.close();
});
