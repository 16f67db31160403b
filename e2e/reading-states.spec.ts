// 稍后读 / 已读 and 收藏夹 through the real UI, desktop and phone: a saved article is 稍后读 until the reader reaches
// its end (已读, with 撤销); 我的收藏 filters by state and collection and sorts by saved or published time;
// collections are made from the article page, renamed and deleted on 我的收藏; unsaving takes an article out.
import { expect, test, type Page } from '@playwright/test';
import { bookmarkButton, expectBookmarkState, newDevice, signUp, uniqueEmail } from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' }; // published 2025-03-18
const MARKET = { slug: 'morning-market', title: '早市四点开张' }; // published 2023-06-16

const articleUrl = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

async function save(page: Page, article: { slug: string; title: string }) {
  await page.goto(articleUrl(article.slug));
  await expectBookmarkState(page, article.title, false);
  await bookmarkButton(page, article.title).click();
  await expectBookmarkState(page, article.title, true);
}

function rows(page: Page) {
  return page.getByTestId('bookmark-list').getByRole('listitem');
}

test('saved articles are 稍后读 until read to the end, and are filed, filtered and sorted on 我的收藏', async ({
  browser,
}, testInfo) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  await signUp(page, uniqueEmail(`states-${testInfo.project.name}`));

  // Saved first: the market, then cycling (so saved-time order is cycling, market; published order the same).
  await save(page, MARKET);
  await save(page, CYCLING);
  const state = page.getByTestId('read-state');
  await expect(state).toHaveText('稍后读');
  await expect(state).toHaveAttribute('aria-pressed', 'false');

  // Reading to the end marks it 已读; 撤销 puts it back; the button marks it by hand.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByRole('status').filter({ hasText: '读完了，已标为已读' })).toBeVisible();
  await expect(state).toHaveText('✓ 已读');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(state).toHaveText('稍后读');
  await expect(page.getByRole('status').filter({ hasText: '已改回稍后读' })).toBeAttached();
  await page.reload();
  await expect(page.getByTestId('read-state')).toHaveText('稍后读');
  await page.getByTestId('read-state').click();
  await expect(page.getByTestId('read-state')).toHaveText('✓ 已读');
  await expect(page.getByRole('status').filter({ hasText: '已标为已读' })).toBeAttached();

  // 收藏夹 from the article page: a new collection holds it at once.
  await page.getByRole('button', { name: '收藏夹', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '收藏夹' });
  await expect(dialog.getByText('还没有收藏夹')).toBeVisible();
  await dialog.getByLabel('新建收藏夹').fill('  城市  观察 ');
  await dialog.getByRole('button', { name: '新建并加入' }).click();
  await expect(dialog.getByRole('checkbox', { name: /城市 观察/ })).toBeChecked();
  await expect(dialog.getByRole('status')).toHaveText('已加入“城市 观察”');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toHaveCount(0);

  // 我的收藏: counts by state, filters, sorting.
  await page.goto('/bookmarks');
  const byState = page.getByRole('navigation', { name: '按阅读状态' });
  await expect(byState.getByRole('link', { name: '全部 2' })).toBeVisible();
  await expect(byState.getByRole('link', { name: '稍后读 1' })).toBeVisible();
  await byState.getByRole('link', { name: '已读 1' }).click();
  await expect(page).toHaveURL(/state=read/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(CYCLING.title);
  await byState.getByRole('link', { name: '全部 2' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText(CYCLING.title);
  await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '发布时间' }).click();
  await expect(page).toHaveURL(/sort=published/);
  await expect(rows(page).nth(0)).toContainText(CYCLING.title);
  await expect(rows(page).nth(1)).toContainText(MARKET.title);

  // Mark the market read from the list, file it into the collection from the list too.
  await rows(page)
    .filter({ hasText: MARKET.title })
    .getByRole('button', { name: new RegExp(`稍后读：《${MARKET.title}》`) })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `《${MARKET.title}》已标为已读` })).toBeAttached();
  await rows(page)
    .filter({ hasText: MARKET.title })
    .getByRole('button', { name: `收藏夹：《${MARKET.title}》` })
    .click();
  const listDialog = page.getByRole('dialog', { name: '收藏夹' });
  await listDialog.getByRole('checkbox', { name: /城市 观察/ }).check();
  await expect(listDialog.getByRole('status')).toHaveText('已加入“城市 观察”');
  await listDialog.getByRole('button', { name: '完成' }).click();
  const byCollection = page.getByRole('navigation', { name: '按收藏夹' });
  await expect(byCollection.getByRole('link', { name: '城市 观察 2' })).toBeVisible();
  await expect(byState.getByRole('link', { name: '已读 2' })).toBeVisible();

  // Rename, then delete: the articles stay saved.
  const manager = page.getByRole('region', { name: '管理收藏夹' });
  await manager.getByRole('button', { name: '重命名“城市 观察”' }).click();
  await manager.getByLabel('“城市 观察”的新名称').fill('通勤');
  await manager.getByRole('button', { name: '保存' }).click();
  await expect(byCollection.getByRole('link', { name: '通勤 2' })).toBeVisible();
  await byCollection.getByRole('link', { name: '通勤 2' }).click();
  await expect(rows(page)).toHaveCount(2);

  // Unsaving an article takes it out of the collection.
  await page.goto(articleUrl(CYCLING.slug));
  await expectBookmarkState(page, CYCLING.title, true);
  await bookmarkButton(page, CYCLING.title).click();
  await expectBookmarkState(page, CYCLING.title, false);
  await page.goto('/bookmarks');
  await expect(byCollection.getByRole('link', { name: '通勤 1' })).toBeVisible();

  // The account export carries the state and the collections.
  const exported = (await (await page.request.get('/api/bookmarks/export')).json()) as {
    bookmarks: { slug: string; state: string; collections: string[] }[];
    collections: { name: string; articles: string[] }[];
  };
  expect(exported.bookmarks).toEqual([
    expect.objectContaining({ slug: MARKET.slug, state: 'read', collections: ['通勤'] }),
  ]);
  expect(exported.collections).toEqual([expect.objectContaining({ name: '通勤', articles: [MARKET.slug] })]);

  page.once('dialog', (d) => void d.accept());
  await manager.getByRole('button', { name: '删除收藏夹“通勤”' }).click();
  await expect(manager.getByRole('status')).toHaveText('已删除“通勤”');
  await expect(page.getByRole('navigation', { name: '按收藏夹' })).toHaveCount(0);
  await expect(byState.getByRole('link', { name: '全部 1' })).toBeVisible();
  await device.close();
});

test('the reading-state and collection APIs refuse strangers and malformed input', async ({ browser }, testInfo) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  await signUp(page, uniqueEmail(`col-api-${testInfo.project.name}`));
  const api = page.request;
  expect((await api.post('/api/bookmarks/read', { data: { slug: CYCLING.slug, read: true } })).status()).toBe(404);
  expect((await api.post('/api/bookmarks/read', { data: { slug: CYCLING.slug, read: 'yes' } })).status()).toBe(400);
  const tooLong = await api.post('/api/collections', { data: { name: '名'.repeat(41) } });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).message).toBe('收藏夹名称最多 40 个字');
  const made = await api.post('/api/collections', { data: { name: '我的' } });
  expect(made.status()).toBe(201);
  const { collection } = (await made.json()) as { collection: { id: string } };
  expect((await api.post('/api/collections', { data: { name: '我的' } })).status()).toBe(409);
  expect(
    (
      await api.put(`/api/collections/${collection.id}/items`, { data: { slug: 'no-such-article', member: true } })
    ).status(),
  ).toBe(404);
  expect(
    (await api.post('/api/collections', { data: { name: 'x' }, headers: { origin: 'https://evil.example' } })).status(),
  ).toBe(403);

  const stranger = await newDevice(browser);
  const other = await stranger.newPage();
  await other.goto('/signup');
  await signUp(other, uniqueEmail(`col-stranger-${testInfo.project.name}`));
  expect((await other.request.delete(`/api/collections/${collection.id}`)).status()).toBe(404);
  expect((await other.request.patch(`/api/collections/${collection.id}`, { data: { name: '偷改' } })).status()).toBe(
    404,
  );
  expect(
    (
      await other.request.put(`/api/collections/${collection.id}/items`, { data: { slug: CYCLING.slug, member: true } })
    ).status(),
  ).toBe(404);
  expect((await page.request.get('/api/collections')).status()).toBe(200);
  expect(
    ((await (await page.request.get('/api/collections')).json()) as { collections: unknown[] }).collections,
  ).toHaveLength(1);
  await device.close();
  await stranger.close();
});
