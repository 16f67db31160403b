import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder } from '@/lib/db/pglite-lock.mjs';
import { tempDirs } from '@/test/temp-dirs';
import { databaseStep, resolveAuthSecret } from './start.mjs';

const { make: tmp } = tempDirs('hutong-start-');

describe('npm start: AUTH_SECRET', () => {
  it('uses AUTH_SECRET when it is set, and refuses one too short to be safe', () => {
    const secret = 'a-secret-from-the-environment-0123456789';
    expect(resolveAuthSecret({ AUTH_SECRET: ` ${secret} ` }, tmp())).toEqual({ secret, source: 'env', file: null });
    expect(resolveAuthSecret({ AUTH_SECRET: 'short' }, tmp()).source).toBe('too-short');
  });

  it('generates a secret once for the embedded setup, keeps it beside the data folder, and reuses it', () => {
    const cwd = tmp();
    const first = resolveAuthSecret({}, cwd);
    expect(first.source).toBe('generated');
    expect(first.file).toBe(path.join(cwd, '.data', 'auth-secret'));
    expect(first.secret?.length).toBeGreaterThanOrEqual(32);
    expect((fs.statSync(first.file ?? '').mode & 0o777).toString(8)).toBe('600');
    const again = resolveAuthSecret({}, cwd);
    expect(again).toEqual({ secret: first.secret, source: 'file', file: first.file });
  });

  it('follows DATA_DIR, so a temporary data folder gets its own secret', () => {
    const cwd = tmp();
    const result = resolveAuthSecret({ DATA_DIR: 'elsewhere/db' }, cwd);
    expect(result.file).toBe(path.join(cwd, 'elsewhere', 'auth-secret'));
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['VERCEL', { VERCEL: '1' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db/hutong' }],
  ])('refuses to invent one for a real deployment (%s)', (_label, env) => {
    const cwd = tmp();
    expect(resolveAuthSecret(env, cwd)).toEqual({ secret: null, source: 'missing', file: null });
    expect(fs.existsSync(path.join(cwd, '.data'))).toBe(false);
  });
});

describe('npm start: the database before serving', () => {
  it('migrates PostgreSQL and a new PGlite folder first; an existing PGlite folder is only checked', () => {
    const cwd = tmp();
    expect(databaseStep({ DATABASE_URL: 'postgres://db.example/site' }, cwd)).toBe('migrate');
    expect(databaseStep({}, cwd)).toBe('migrate');
    fs.mkdirSync(path.join(cwd, 'pg'), { recursive: true });
    expect(databaseStep({ DATA_DIR: 'pg' }, cwd)).toBe('migrate'); // created, never initialised
    fs.writeFileSync(path.join(cwd, 'pg', 'PG_VERSION'), '17\n');
    expect(databaseStep({ DATA_DIR: 'pg' }, cwd)).toBe('check-lock');
    expect(databaseStep({ DATA_DIR: 'pg', DATABASE_URL: 'postgres://db.example/site' }, cwd)).toBe('migrate');
  });

  it('refuses at once, naming the holder, a PGlite folder another process holds', () => {
    const cwd = tmp();
    const dataDir = path.join(cwd, 'data', 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17\n');
    // A build folder that exists, so npm start does not build first.
    fs.mkdirSync(path.join(cwd, 'dist'));
    fs.writeFileSync(path.join(cwd, 'dist', 'BUILD_ID'), 'test\n');
    const lock = lockFolder(dataDir); // this test process holds the folder, as a running server would
    try {
      const started = Date.now();
      const result = spawnSync(process.execPath, [path.resolve('server/start.cjs')], {
        cwd,
        env: {
          ...process.env,
          NEXT_DIST_DIR: 'dist',
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          AUTH_SECRET: 'x'.repeat(40),
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`The PGlite folder ${dataDir} is already in use by process ${process.pid}`);
      expect(result.stderr).toContain('Not starting the server.');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      lock.release();
    }
  });
});
