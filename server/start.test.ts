import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAuthSecret } from './start.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-start-'));
  dirs.push(d);
  return d;
}

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
