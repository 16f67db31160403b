// Addresses proved by mail and identities from an OpenID Connect provider, through the real UI: the
// mails come from a real SMTP server on loopback (support/mail-catcher.mjs), the provider is a real
// oidc-provider on loopback (support/oidc-server.mjs). Editor rights follow only a verified address.
import { expect, test, type Page } from '@playwright/test';
import { E2E_OIDC } from './support/env';
import { linkTo, mailsTo, waitForMail } from './support/mail';
import {
  PASSWORD,
  bookmarkButton,
  expectBookmarkState,
  newDevice,
  signIn,
  signUp,
  submitSignUp,
  uniqueEmail,
} from './support/reader';

const CYCLING = { slug: 'cycling-to-work', title: '骑车上班的第三年' };

function main(page: Page) {
  return page.getByRole('main');
}

test('a new reader verifies their address from the mailed link; the link works once', async ({ browser }) => {
  const email = uniqueEmail('verify');
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup?callbackUrl=%2Faccount');
  await signUp(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(main(page)).toContainText('（未验证）');

  const mail = await waitForMail(email, /验证/);
  expect(mail.text).toContain('24 小时内有效');
  const link = linkTo(mail, '/verify-email');
  // Opening the link changes nothing yet (a mail scanner may open it); the button confirms.
  await page.goto(link);
  await expect(main(page)).toContainText(email);
  await page.getByRole('button', { name: '确认验证' }).click();
  await expect(main(page).getByRole('status')).toContainText(`邮箱 ${email} 已验证`);
  await page.goto('/account');
  await expect(main(page)).toContainText('（已验证）');

  // Replayed: refused.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('链接已失效');
  await device.close();
});

test('an address in EDITOR_EMAILS grants editor rights only once it is verified', async ({ browser }, testInfo) => {
  const email = `pending-editor-${testInfo.project.name}@hutong.test`;
  const device = await newDevice(browser);
  const page = await device.newPage();
  await page.goto('/signup');
  const seen = new Set((await mailsTo(email)).map((m) => m.file));
  await submitSignUp(page, email);
  const mail = await waitForMail(email, /验证|尝试/, { seen });
  test.skip(/尝试/.test(mail.subject), 'the account exists from an earlier attempt of this test');
  await page.goto('/signin?callbackUrl=%2Fdrafts');
  await signIn(page, email);
  await expect(page).toHaveURL(/\/drafts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('这里只对编辑开放');
  expect(await (await page.request.get('/api/preview?slug=watch-repair-draft')).status()).toBe(404);

  await page.goto(linkTo(mail, '/verify-email'));
  await page.getByRole('button', { name: '确认验证' }).click();
  await expect(main(page).getByRole('status')).toContainText('已验证');
  await page.goto('/drafts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('草稿与定时发布');
  await device.close();
});

test('signing up with a registered address answers the same, creates nothing, and mails the owner', async ({
  browser,
}) => {
  const email = uniqueEmail('owner');
  const first = await newDevice(browser);
  const page = await first.newPage();
  await page.goto('/signup');
  await signUp(page, email);
  await first.close();

  const stranger = await newDevice(browser);
  const other = await stranger.newPage();
  await other.goto('/signup');
  await submitSignUp(other, email, undefined, 'a different password entirely');
  await expect(main(other).getByRole('status')).toContainText(email);
  const warning = await waitForMail(email, /尝试用你的邮箱注册/);
  expect(warning.text).toContain('没有创建新账户');
  // The stranger's password opens nothing; the owner's still works.
  await other.goto('/signin');
  await signIn(other, email, 'a different password entirely');
  await expect(main(other).getByRole('alert')).toHaveText('邮箱或密码不正确');
  await signIn(other, email, PASSWORD);
  await expect(other).toHaveURL(/\/$/);
  await stranger.close();
});

test('忘记密码: the mailed link sets a new password once, signs out every device and verifies the address', async ({
  browser,
}) => {
  const email = uniqueEmail('forgot');
  const laptop = await newDevice(browser);
  const signedIn = await laptop.newPage();
  await signedIn.goto(`/signup?callbackUrl=${encodeURIComponent(`/articles/${CYCLING.slug}`)}`);
  await signUp(signedIn, email);
  await expectBookmarkState(signedIn, CYCLING.title, false);

  const phone = await newDevice(browser);
  const page = await phone.newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '发送重置链接' }).click();
  await expect(main(page).getByRole('status')).toContainText('请查收邮件');
  // The same answer for an address nobody registered, and no mail goes there.
  const nobody = uniqueEmail('nobody');
  await page.goto('/forgot-password');
  await page.getByLabel('邮箱').fill(nobody);
  await page.getByRole('button', { name: '发送重置链接' }).click();
  await expect(main(page).getByRole('status')).toContainText('请查收邮件');

  const mail = await waitForMail(email, /重置/);
  const link = linkTo(mail, '/reset-password');
  await page.goto(link);
  await page.getByLabel('新密码', { exact: true }).fill('12345678');
  await page.getByLabel('再次输入新密码').fill('12345678');
  await page.getByRole('button', { name: '设置新密码' }).click();
  // A weak password is refused with the reason, and the link still works.
  await expect(page.locator('#field-newPassword-error')).toContainText(/常用|顺序/);
  const fresh = 'lanterns swing in the hutong rain';
  await page.getByLabel('新密码', { exact: true }).fill(fresh);
  await page.getByLabel('再次输入新密码').fill(fresh);
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page).toHaveURL(/\/signin\?notice=password-reset$/);
  await signIn(page, email, fresh);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/account');
  await expect(main(page)).toContainText('（已验证）');
  expect(await mailsTo(nobody)).toEqual([]);

  // The laptop was signed out by the reset; the used link is spent.
  await signedIn.reload();
  await bookmarkButton(signedIn, CYCLING.title).click();
  await expect(signedIn).toHaveURL(/\/signin\?callbackUrl=/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('链接已失效');
  await laptop.close();
  await phone.close();
});

/** Signs in through the OpenID Connect provider's own login page, as `login`. */
async function signInWithProvider(page: Page, login: string) {
  await page.goto('/signin');
  await page.getByRole('button', { name: `使用 ${E2E_OIDC.name} 登录` }).click();
  await page.waitForURL((url) => url.origin === E2E_OIDC.issuer || url.pathname !== '/signin');
  if (new URL(page.url()).origin === E2E_OIDC.issuer) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password at all');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }
  await page.waitForURL((url) => url.origin !== E2E_OIDC.issuer && url.pathname !== '/api/auth/callback/oidc');
}

test.describe('OpenID Connect sign-in', () => {
  test('a new account, then the same account on returning, with the address the provider verified', async ({
    browser,
  }) => {
    const email = uniqueEmail('oidc');
    const device = await newDevice(browser);
    const page = await device.newPage();
    await signInWithProvider(page, email);
    await page.goto(`/articles/${CYCLING.slug}`);
    await bookmarkButton(page, CYCLING.title).click();
    await expectBookmarkState(page, CYCLING.title, true);
    await page.goto('/account');
    await expect(main(page)).toContainText(email);
    await expect(main(page)).toContainText('（已验证）');
    await page.getByRole('button', { name: '退出登录' }).click();
    await device.close();

    // Returning, from another device: the same account, its bookmark still there.
    const again = await newDevice(browser);
    const other = await again.newPage();
    await signInWithProvider(other, email);
    await other.goto(`/articles/${CYCLING.slug}`);
    await expectBookmarkState(other, CYCLING.title, true);
    await again.close();
  });

  test('an address that already has a password account is never linked silently; the page says what to do', async ({
    browser,
  }) => {
    const email = uniqueEmail('taken-by-password');
    const first = await newDevice(browser);
    const setup = await first.newPage();
    await setup.goto('/signup');
    await signUp(setup, email);
    await first.close();

    const device = await newDevice(browser);
    const page = await device.newPage();
    await signInWithProvider(page, email);
    await expect(page).toHaveURL(/\/signin\?.*error=OAuthAccountNotLinked/);
    await expect(main(page).getByRole('alert')).toContainText('不会把第三方登录自动并入已有账户');
    await expect(main(page).getByRole('alert')).toContainText('用邮箱和密码登录');
    const state = await (await page.request.get('/api/bookmarks/state')).json();
    expect(state.user).toBeNull();
    await device.close();
  });

  test('editor rights follow a verified address only', async ({ browser }, testInfo) => {
    const unverified = await newDevice(browser);
    const page = await unverified.newPage();
    await signInWithProvider(page, `unverified:oidc-unverified-editor-${testInfo.project.name}@hutong.test`);
    await page.goto('/drafts');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('这里只对编辑开放');
    await page.goto('/account');
    await expect(main(page)).toContainText('（未验证）');
    await unverified.close();

    const verified = await newDevice(browser);
    const editorPage = await verified.newPage();
    await signInWithProvider(editorPage, `oidc-editor-${testInfo.project.name}@hutong.test`);
    await editorPage.goto('/drafts');
    await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText('草稿与定时发布');
    await verified.close();
  });
});
