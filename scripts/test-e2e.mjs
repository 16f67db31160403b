// `npm run test:e2e`: a production build made with the same settings the test server runs with
// (absolute URLs in feeds and the sitemap are fixed at build time), then Playwright.
import { rmSync } from 'node:fs';
import { start } from './build.mjs';

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

// The scheduled-publication test (e2e/schedule.spec.ts) runs its own server on a small site of its own.
const schedulePort = String(Number(port) + 40);
const scheduleEnv = {
  ...env,
  NEXT_DIST_DIR: '.e2e/next-schedule',
  CONTENT_DIR: 'test/fixtures/schedule-site',
  SITE_URL: `http://localhost:${schedulePort}`,
  PAGE_SIZE: '2',
};

// The packaged-server test (e2e/standalone.spec.ts) runs `output: 'standalone'` from a copy of what
// Next traced, with no article prerendered: every page comes from the traced content and site index.
const standaloneEnv = {
  ...env,
  NEXT_DIST_DIR: '.e2e/next-standalone',
  NEXT_OUTPUT: 'standalone',
  PRERENDER_ARTICLES: '0',
};

// Asked for some spec files only (`npm run test:e2e -- e2e/reading.spec.ts`): that site only if needed.
const specs = process.argv.slice(2).filter((a) => /\.spec\.ts$/.test(a));
const needed = (name) => specs.length === 0 || specs.some((s) => s.includes(name));

/**
 * A warning from the build: Next's (`⚠ …`) or Turbopack's (`Turbopack build encountered …`, e.g. a file access
 * that makes Next trace the whole project into a packaged server). A clean build prints none.
 */
const BUILD_WARNING = /^\s*(⚠|Turbopack build encountered|Warning:)/;
/**
 * Not a warning about the project: with `CI` set and no `<dist>/cache` folder, Next advises configuring the CI's
 * build cache (and prints it to stdout on purpose, so that CI does not fail on it). Every e2e build starts from an
 * empty `.e2e`, so under `.ci/run` every one of them prints it.
 */
const CI_CACHE_ADVICE = /No build cache found\. Please configure build caching/;

rmSync('.e2e', { recursive: true, force: true });
for (const [label, args, stepEnv] of [
  // The same build as `npm run build`: the site index, then next build.
  ['build', ['scripts/build.mjs'], env],
  ...(needed('schedule') ? [['build (schedule site)', ['scripts/build.mjs'], scheduleEnv]] : []),
  ...(needed('standalone') ? [['build (standalone)', ['scripts/build.mjs'], standaloneEnv]] : []),
  ['playwright', ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], env],
]) {
  /** @type {string[]} */
  const warnings = [];
  const onLine = label.startsWith('build')
    ? (/** @type {string} */ line) =>
        BUILD_WARNING.test(line) && !CI_CACHE_ADVICE.test(line) && warnings.push(line.trim())
    : undefined;
  const { code } = await start(label, args, { env: stepEnv, onLine }).done;
  if (code !== 0) {
    console.error(`test:e2e: ${label} failed (exit ${code})`);
    process.exit(code);
  }
  if (warnings.length > 0) {
    console.error(`test:e2e: ${label} printed warnings; a clean build prints none:\n  ${warnings.join('\n  ')}`);
    process.exit(1);
  }
}
