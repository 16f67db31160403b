// Where the end-to-end servers listen: Hutong itself, and the SMTP server and OpenID Connect provider
// the tests start beside it on loopback. Shared by playwright.config.ts and the specs.
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * `localhost`, not 127.0.0.1: Next normalizes a loopback address to "localhost" in the URLs it hands
 * route handlers, so next-auth's OAuth callback would otherwise see another origin than the browser used.
 */
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve('.e2e/data');
export const E2E_SMTP_PORT = E2E_PORT + 25;
/** scripts/test-e2e.mjs builds with the same issuer (the CSP's form-action names its origin). */
export const E2E_OIDC = {
  issuer: `http://127.0.0.1:${E2E_PORT + 26}`,
  port: E2E_PORT + 26,
  clientId: 'hutong-e2e',
  clientSecret: 'hutong-e2e-oidc-secret',
  name: '测试身份服务',
};

/**
 * The scheduled-publication test's own production build and server (e2e/schedule.spec.ts): a small
 * content folder whose article goes live while the test watches. scripts/test-e2e.mjs builds it.
 */
export const E2E_SCHEDULE = {
  port: E2E_PORT + 40,
  distDir: '.e2e/next-schedule',
  contentDir: 'test/fixtures/schedule-site',
  dataDir: path.resolve('.e2e/data-schedule'),
};

/** The packaged server's test (e2e/standalone.spec.ts): `output: 'standalone'`, built by scripts/test-e2e.mjs. */
export const E2E_STANDALONE = { port: E2E_PORT + 41, distDir: '.e2e/next-standalone' };
