// End-to-end tests against a production build (`next build` runs first in `npm run test:e2e`),
// served by the same start script a newcomer uses, on its own port and its own data folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
export const E2E_DATA_DIR = path.resolve('.e2e/data');

/** Debian's Chromium (Playwright cannot download its own browser here), unless CHROMIUM_PATH says otherwise. */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

const launchOptions = {
  executablePath: chromiumExecutable(),
  // This machine has no network beyond localhost; keep Chromium from phoning home at start-up.
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
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
  webServer: {
    command: 'node scripts/start.mjs',
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
      EDITOR_EMAILS: 'editor-desktop@hutong.test, editor-mobile@hutong.test',
    },
  },
});
