// 关注 through the real UI, desktop and phone: follow a category, an author and a tag from their pages; 我的关注
// lists their newest articles, each once, and unfollows; visitors are sent to sign in; each has an RSS feed.
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { newDevice, signUp, uniqueEmail } from './support/reader';

const CITY = `/categories/${encodeURIComponent('城市')}`;
const ZHOU = `/authors/${encodeURIComponent('周野')}`;
const MARKET_TAG = `/tags/${encodeURIComponent('菜市场')}`;

test('a reader follows a category, an author and a tag, reads them on 我的关注 and unfollows', async ({
  browser,
}, testInfo) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(CITY)}`);
  await signUp(page, uniqueEmail(`follows-${testInfo.project.name}`));
  await expect(page.getByRole('heading', { level: 1, name: '分类：城市' })).toBeVisible();

  const followCity = page.getByRole('button', { name: '关注分类“城市”' });
  await expect(followCity).toHaveAttribute('data-state', 'not-following');
  await followCity.click();
  await expect(followCity).toHaveAttribute('aria-pressed', 'true');
  await expect(followCity).toHaveText('✓ 已关注');
  await expect(page.getByRole('status').filter({ hasText: '已关注分类“城市”' })).toBeAttached();
  await page.reload();
  await expect(page.getByRole('button', { name: '关注分类“城市”' })).toHaveAttribute('data-state', 'following');

  // Clicked once the button knows the reader's state (hydrated), as a reader's click would find it.
  await page.goto(ZHOU);
  await expect(page.getByRole('button', { name: '关注作者“周野”' })).toHaveAttribute('data-state', 'not-following');
  await page.getByRole('button', { name: '关注作者“周野”' }).click();
  await expect(page.getByRole('button', { name: '关注作者“周野”' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto(MARKET_TAG);
  await expect(page.getByRole('button', { name: '关注标签“菜市场”' })).toHaveAttribute('data-state', 'not-following');
  await page.getByRole('button', { name: '关注标签“菜市场”' }).click();
  await expect(page.getByRole('button', { name: '关注标签“菜市场”' })).toHaveAttribute('aria-pressed', 'true');

  const exported = (await (await page.request.get('/api/bookmarks/export')).json()) as {
    follows: { kind: string; name: string }[];
  };
  expect(exported.follows.map((f) => `${f.kind}:${f.name}`)).toEqual(['category:城市', 'author:周野', 'tag:菜市场']);

  // Nothing is "new" yet: everything was published before the follows began.
  await expect(page.getByTestId('following-new')).toHaveCount(0);

  // 我的关注 from the header menu.
  await page.locator('[data-user-menu="reader"] button').first().click();
  await page.getByRole('link', { name: /我的关注/ }).click();
  await expect(page).toHaveURL(/\/following$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的关注' })).toBeVisible();
  const list = page.getByTestId('following-articles').getByRole('listitem');
  const titles = await list.getByRole('heading', { level: 2 }).allTextContents();
  // Each article once (the market is in 城市 and tagged 菜市场), newest first.
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles).toContain('早市四点开张');
  expect(titles).toContain('骑车上班的第三年');
  expect(titles).toContain('夜车笔记：从北京西到兰州');
  expect(titles.indexOf('骑车上班的第三年')).toBeLessThan(titles.indexOf('早市四点开张'));
  const followed = page.getByRole('region', { name: '关注的分类、作者和标签' });
  await expect(followed.getByRole('listitem')).toHaveCount(3);
  await expect(followed.getByRole('link', { name: 'RSS' }).first()).toHaveAttribute(
    'href',
    `/categories/${encodeURIComponent('城市')}/feed.xml`,
  );

  // Unfollow from 我的关注: the author's articles leave the list on the next look.
  await followed.getByRole('button', { name: '关注作者“周野”' }).click();
  await expect(followed.getByRole('button', { name: '关注作者“周野”' })).toHaveAttribute('aria-pressed', 'false');
  // The server has confirmed it (the message follows its answer) before the page is reloaded.
  await expect(followed.getByRole('status').filter({ hasText: '已取消关注作者“周野”' })).toBeAttached();
  await page.reload();
  await expect(page.getByRole('region', { name: '关注的分类、作者和标签' }).getByRole('listitem')).toHaveCount(2);
  await expect(
    page.getByTestId('following-articles').getByRole('heading', { name: '夜车笔记：从北京西到兰州' }),
  ).toHaveCount(0);
  await device.close();
});

test('visitors are asked to sign in to follow; every author and tag has an RSS feed', async ({ page, request }) => {
  await page.goto(ZHOU);
  await expect(page.locator('[data-user-menu="visitor"]')).toBeVisible();
  await expect(page.getByRole('button', { name: '关注作者“周野”' })).toHaveAttribute('data-state', 'not-following');
  // The author's page links its own feed from <head>.
  await expect(
    page.locator(`head link[rel="alternate"][href$="${`/authors/${encodeURIComponent('周野')}/feed.xml`}"]`),
  ).toHaveCount(1);
  await page.getByRole('button', { name: '关注作者“周野”' }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fauthors%2F/);

  const parser = new XMLParser({ ignoreAttributes: false });
  for (const path of [`${ZHOU}/feed.xml`, `${MARKET_TAG}/feed.xml`]) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/rss+xml');
    const channel = parser.parse(await res.text()).rss.channel;
    expect([channel.item].flat().length).toBeGreaterThan(0);
  }
  expect((await request.get(`/authors/${encodeURIComponent('无名氏')}/feed.xml`)).status()).toBe(404);

  // The API refuses a visitor.
  expect((await request.post('/api/follows', { data: { kind: 'tag', name: '菜市场', follow: true } })).status()).toBe(
    401,
  );
});

test('the follows API refuses unknown names, forgeries and malformed input', async ({ browser }, testInfo) => {
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  await signUp(page, uniqueEmail(`follows-api-${testInfo.project.name}`));
  const api = page.request;
  const unknown = await api.post('/api/follows', { data: { kind: 'tag', name: '没有这个标签', follow: true } });
  expect(unknown.status()).toBe(404);
  const badKind = await api.post('/api/follows', { data: { kind: 'user', name: 'x', follow: true } });
  expect(badKind.status()).toBe(400);
  expect((await badKind.json()).message).toBe('只能关注分类、作者或标签');
  expect(
    (
      await api.post('/api/follows', {
        data: { kind: 'tag', name: '菜市场', follow: true },
        headers: { origin: 'https://evil.example' },
      })
    ).status(),
  ).toBe(403);
  // Unfollowing something never followed is fine (idempotent); a future "seen" time is clamped to now.
  expect(
    (await api.post('/api/follows', { data: { kind: 'tag', name: '没有这个标签', follow: false } })).status(),
  ).toBe(200);
  const seen = await api.post('/api/follows/seen', { data: { at: '2999-01-01T00:00:00Z' } });
  expect(seen.status()).toBe(200);
  expect(Date.parse((await seen.json()).seenAt)).toBeLessThanOrEqual(Date.now() + 1000);
  expect((await api.post('/api/follows/seen', { data: { at: 'yesterday' } })).status()).toBe(400);
  await device.close();
});
