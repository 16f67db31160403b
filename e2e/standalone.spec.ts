// A platform that packages the server from Next's file traces (Vercel's functions, `output: 'standalone'`)
// ships only what the traces name. This runs the standalone server from a copy of that output alone, in a
// folder of its own, with no article prerendered: every page it answers proves the site index and the
// content files were traced into it, and a draft still answers 404.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { siteIndexFile } from '../lib/content/index-path.mjs';
import { E2E_STANDALONE } from './support/env';

const base = `http://127.0.0.1:${E2E_STANDALONE.port}`;
let server: ChildProcess | undefined;
let copy = '';
let log = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== 'desktop') return;
  const built = path.resolve(E2E_STANDALONE.distDir);
  copy = mkdtempSync(path.join(os.tmpdir(), 'hutong-standalone-'));
  // What Next's documentation says to deploy: the standalone folder, plus static files and public/.
  cpSync(path.join(built, 'standalone'), copy, { recursive: true });
  cpSync(path.join(built, 'static'), path.join(copy, E2E_STANDALONE.distDir, 'static'), { recursive: true });
  cpSync('public', path.join(copy, 'public'), { recursive: true });
  server = spawn(process.execPath, ['server.js'], {
    cwd: copy,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: E2E_STANDALONE.distDir,
      PORT: String(E2E_STANDALONE.port),
      HOSTNAME: '127.0.0.1',
      AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789abcdef',
      AUTH_TRUST_HOST: 'true',
      DATA_DIR: path.join(copy, 'data'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  server.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  await expect
    .poll(async () => (await fetch(`${base}/`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(async () => {
  if (server) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('the standalone server, copied on its own, serves articles, listings and search from what was traced', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one server: run once');
  expect(existsSync(path.join(copy, siteIndexFile(E2E_STANDALONE.distDir))), 'the site index is in the package').toBe(
    true,
  );
  expect(existsSync(path.join(copy, 'content', 'cycling-to-work.html')), 'the content files are in the package').toBe(
    true,
  );

  const home = await fetch(`${base}/`);
  expect(await home.text()).toContain('骑车上班的第三年');
  // Not prerendered (PRERENDER_ARTICLES=0): rendered now from the traced file.
  const article = await fetch(`${base}/articles/cycling-to-work`);
  expect(article.status).toBe(200);
  const html = await article.text();
  expect(html).toContain('路线是一点点摸出来的');
  expect(html).toMatch(/<img [^>]*referrerPolicy="no-referrer"/);
  const search = await fetch(`${base}/search?q=${encodeURIComponent('自行车道')}`);
  expect(await search.text()).toContain('骑车上班的第三年');
  expect((await fetch(`${base}/categories/${encodeURIComponent('城市')}`)).status).toBe(200);
  expect((await fetch(`${base}/articles/watch-repair-draft`)).status).toBe(404);
  // It opened the packaged index rather than compiling one of its own.
  expect(log).not.toMatch(/compil/i);
});
