import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const cacheModule = path.resolve('server/resolve-cache.mjs');
let project: string;

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
};

beforeEach(() => {
  // A built project as npm leaves it: a build folder with its BUILD_ID, packages with npm's record of them.
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-resolve-'));
  write('dist/BUILD_ID', 'build-1\n');
  write('node_modules/.package-lock.json', '{"lockfileVersion":3}\n');
  write('node_modules/pkg/package.json', '{ "name": "pkg", "main": "one.js" }');
  write('node_modules/pkg/one.js', "module.exports = 'one';\n");
  write('node_modules/pkg/two.js', "module.exports = 'two';\n");
  write('app/helper.js', 'exports.twice = (n) => n * 2;\n');
  write(
    'app/main.js',
    "module.exports = { pkg: require('pkg'), value: require('./helper').twice(21), fs: typeof require('fs').readFileSync };\n",
  );
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

/** Requires app/main.js in a new Node process in the project, recording (write) or answering from the record. */
function run(write: boolean) {
  const script = `
    import { createRequire } from 'node:module';
    import { installResolveCache, resolutionFingerprint } from ${JSON.stringify(cacheModule)};
    const stats = installResolveCache({ folder: 'cache', write: ${write}, fingerprint: resolutionFingerprint(process.cwd(), 'dist') });
    const main = createRequire(process.cwd() + '/x.js')('./app/main.js');
    console.log(JSON.stringify({ main, stats }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as {
    main: { pkg: string; value: number; fs: string };
    stats: { entries: number; hits: number } | null;
  };
}

/** The package now points elsewhere, as an upgrade would leave it. */
const upgradePackage = () => write('node_modules/pkg/package.json', '{ "name": "pkg", "main": "two.js" }');

describe("the record of a server's require() resolutions", () => {
  it('is made by the warm-up, and a later server answers from it (a package, a neighbour; built-ins are left to Node)', () => {
    expect(run(true)).toEqual({ main: { pkg: 'one', value: 42, fs: 'function' }, stats: { entries: 0, hits: 0 } });
    const saved = JSON.parse(fs.readFileSync(path.join(project, 'cache', 'resolutions.json'), 'utf8'));
    expect(Object.values(saved.entries)).toEqual(
      expect.arrayContaining([
        path.join(project, 'app', 'main.js'),
        path.join(project, 'node_modules', 'pkg', 'one.js'),
      ]),
    );
    expect(Object.keys(saved.entries).some((key) => key.endsWith('\0fs'))).toBe(false);
    const later = run(false);
    expect(later.main).toEqual({ pkg: 'one', value: 42, fs: 'function' });
    expect(later.stats).toEqual({ entries: 3, hits: 3 });
  });

  it('is not used once npm has changed the packages: Node resolves the new tree', () => {
    run(true);
    upgradePackage();
    // npm rewrites its record of node_modules whenever it changes the tree.
    write('node_modules/.package-lock.json', '{"lockfileVersion":3,"packages":{}}\n');
    expect(run(false)).toEqual({ main: { pkg: 'two', value: 42, fs: 'function' }, stats: null });
  });

  it('is not used by another build, nor from another folder', () => {
    run(true);
    write('dist/BUILD_ID', 'build-2\n');
    expect(run(false).stats).toBeNull();
    write('dist/BUILD_ID', 'build-1\n');
    expect(run(false).stats).toEqual({ entries: 3, hits: 3 });
    const moved = `${project}-moved`;
    fs.renameSync(project, moved);
    project = moved;
    expect(run(false)).toEqual({ main: { pkg: 'one', value: 42, fs: 'function' }, stats: null });
  });

  it('is neither made nor used without a build or without npm’s record of the packages', () => {
    fs.rmSync(path.join(project, 'node_modules', '.package-lock.json'));
    expect(run(true).stats).toBeNull();
    expect(fs.existsSync(path.join(project, 'cache', 'resolutions.json'))).toBe(false);
    expect(run(false).stats).toBeNull();
  });

  it('reads a damaged record as none', () => {
    run(true);
    fs.writeFileSync(path.join(project, 'cache', 'resolutions.json'), '{"fingerprint": ');
    expect(run(false)).toEqual({ main: { pkg: 'one', value: 42, fs: 'function' }, stats: null });
  });
});
