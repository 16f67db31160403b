// `npm run test:e2e`: a production build made with the same settings the test server runs with
// (absolute URLs in feeds and the sitemap are fixed at build time), then Playwright.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const port = process.env.E2E_PORT ?? '3100';
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  E2E_PORT: port,
  SITE_URL: `http://localhost:${port}`,
  // Small pages so the ten demo articles exercise pagination in listings and search.
  PAGE_SIZE: '4',
  // The OpenID Connect provider the tests start (playwright.config.ts): the build's CSP lets the
  // sign-in form reach its origin.
  OIDC_ISSUER: `http://127.0.0.1:${Number(port) + 26}`,
  OIDC_CLIENT_ID: 'hutong-e2e',
  OIDC_CLIENT_SECRET: 'hutong-e2e-oidc-secret',
};

rmSync('.e2e', { recursive: true, force: true });
for (const [label, args] of [
  // The same build as `npm run build`: next build plus the search index file.
  ['build', ['scripts/build.mjs']],
  ['playwright', ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)]],
]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`test:e2e: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
