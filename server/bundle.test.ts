import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '@/test/temp-dirs';
import { MARK, bundleFile, freshBundle, writeBundle } from './bundle.cjs';

const { make: tmp, track } = tempDirs('hutong-bundle-');
const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');

/** A project with two source files and a bundle made from them, as writeBundle heads it. */
function project() {
  const root = tmp();
  fs.mkdirSync(path.join(root, 'server'));
  fs.writeFileSync(path.join(root, 'server', 'start.mjs'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(root, 'server', 'serve.mjs'), 'export const b = 2;\n');
  const file = bundleFile(root, '.next');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sources = {
    'server/serve.mjs': sha1('export const b = 2;\n'),
    'server/start.mjs': sha1('export const a = 1;\n'),
  };
  fs.writeFileSync(file, `${MARK}${JSON.stringify(sources)}\nmodule.exports = {};\n`);
  return { root, file };
}

describe("npm start's server bundle", () => {
  it('lives in the build folder, beside the code cache', () => {
    expect(bundleFile('/srv/site', '.bench/next-1000')).toBe('/srv/site/.bench/next-1000/cache/hutong/server.cjs');
    // The search thread's bundle (its own test: search-answer.test.ts), beside it.
    expect(bundleFile('/srv/site', '.next', 'search-answer.cjs')).toBe(
      '/srv/site/.next/cache/hutong/search-answer.cjs',
    );
  });

  it('runs only while every source it was made from is unchanged', () => {
    const { root, file } = project();
    expect(freshBundle(file, root)).toBe(file);
    // A server file edited since the build: the sources run, as they now are.
    fs.writeFileSync(path.join(root, 'server', 'serve.mjs'), 'export const b = 3;\n');
    expect(freshBundle(file, root)).toBeNull();
    fs.writeFileSync(path.join(root, 'server', 'serve.mjs'), 'export const b = 2;\n');
    expect(freshBundle(file, root)).toBe(file);
    fs.rmSync(path.join(root, 'server', 'start.mjs'));
    expect(freshBundle(file, root)).toBeNull();
  });

  it('is not run when missing, headless, unreadable, or outside the project (its packages are found from it)', () => {
    const { root, file } = project();
    expect(freshBundle(path.join(root, '.next', 'cache', 'hutong', 'other.cjs'), root)).toBeNull();
    const elsewhere = path.join(tmp(), 'server.cjs');
    fs.copyFileSync(file, elsewhere);
    expect(freshBundle(elsewhere, root)).toBeNull();
    for (const head of ['module.exports = {};', `${MARK}{not json`, `${MARK}{}`, `${MARK}null`, '']) {
      fs.writeFileSync(file, `${head}\nmodule.exports = {};\n`);
      expect(freshBundle(file, root), head).toBeNull();
    }
  });

  it("bundles start.mjs's graph into one CommonJS file that does what the sources do", async () => {
    // Inside the project, where start.cjs would accept it (.hutong/ is ignored by git).
    const dir = path.join(process.cwd(), '.hutong', `bundle-test-${process.pid}`);
    track(dir);
    const file = path.join(dir, 'server.cjs');
    const written = await writeBundle(file);
    expect(written?.sources).toBeGreaterThan(10);
    const text = fs.readFileSync(file, 'utf8');
    const sources = JSON.parse(text.slice(MARK.length, text.indexOf('\n')));
    expect(Object.keys(sources)).toEqual(
      expect.arrayContaining([
        'server/start.mjs',
        'server/serve.mjs',
        'server/front-door.mjs',
        'lib/db/pglite-lock.mjs',
      ]),
    );
    expect(Object.keys(sources).some((s) => s.includes('node_modules'))).toBe(false);
    expect(freshBundle(file)).toBe(file);
    // Packages stay requires, resolved from the project's node_modules.
    expect(text).toMatch(/require\("range-parser"\)/);
    const bundled = createRequire(import.meta.url)(file);
    expect(typeof bundled.main).toBe('function');
    const cwd = tmp();
    const secret = bundled.resolveAuthSecret({}, cwd);
    expect(secret).toMatchObject({ source: 'generated', file: path.join(cwd, '.data', 'auth-secret') });
    expect(bundled.resolveAuthSecret({}, cwd)).toEqual({ ...secret, source: 'file' });
    expect(bundled.databaseStep({ DATABASE_URL: 'postgres://db.example/site' }, cwd)).toBe('migrate');
  });
});
