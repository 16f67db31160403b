// End-to-end tests against a production build (`next build` runs first in `npm run test:e2e`),
// served by the same start script a newcomer uses, on its own port and its own data folder.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  E2E_BASE_URL as baseURL,
  E2E_DATA_DIR,
  E2E_OIDC,
  E2E_PORT as port,
  E2E_SMTP_PORT as smtpPort,
} from './e2e/support/env';

/** Debian's Chromium (Playwright cannot download its own browser here), unless CHROMIUM_PATH says otherwise. */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

const launchOptions = {
  executablePath: chromiumExecutable(),
  // This machine has no network beyond localhost; keep Chromium from phoning home at start-up.
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.ci-out/playwright.json' }]] : [['list']],
  use: { baseURL, trace: 'retain-on-failure', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions } },
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions } },
  ],
  webServer: [
    {
      command: `node e2e/support/mail-catcher.mjs .e2e/mail ${smtpPort}`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node e2e/support/oidc-server.mjs ${E2E_OIDC.port} ${baseURL}/api/auth/callback/oidc`,
      url: `${E2E_OIDC.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node server/start.cjs',
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        SITE_URL: baseURL,
        PAGE_SIZE: process.env.PAGE_SIZE ?? '4',
        DATA_DIR: E2E_DATA_DIR,
        AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789abcdef',
        AUTH_TRUST_HOST: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        HUTONG_E2E: '1',
        // The tests play the part of one proxy in front of the server: each browser context sends its
        // own X-Forwarded-For, so parallel tests do not share one address's limits.
        TRUST_PROXY: '1',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: '"胡同测试" <no-reply@hutong.test>',
        OIDC_ISSUER: E2E_OIDC.issuer,
        OIDC_CLIENT_ID: E2E_OIDC.clientId,
        OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        OIDC_NAME: E2E_OIDC.name,
        EDITOR_EMAILS: [
          'editor-desktop@hutong.test',
          'editor-mobile@hutong.test',
          'pending-editor-desktop@hutong.test',
          'pending-editor-mobile@hutong.test',
          'oidc-editor-desktop@hutong.test',
          'oidc-editor-mobile@hutong.test',
          'oidc-unverified-editor-desktop@hutong.test',
          'oidc-unverified-editor-mobile@hutong.test',
        ].join(', '),
      },
    },
  ],
});
