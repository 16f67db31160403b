import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagsKey, PACK } from './code-cache.mjs';

const hook = path.resolve('server/code-cache.mjs');
let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-code-cache-'));
  const write = (file: string, text: string) => fs.writeFileSync(path.join(folder, file), text);
  // CommonJS modules as a server loads them: require of a neighbour and a package path, __dirname,
  // module.exports, an error's position, and one that imports an ES module dynamically.
  write('package.json', '{ "type": "commonjs" }');
  write('helper.js', 'exports.twice = (n) => n * 2;\n');
  write(
    'main.js',
    [
      'function fail() { throw new Error("boom"); }',
      "const { twice } = require('./helper');",
      "const where = require.resolve('./helper');",
      'let at = "";',
      'try { fail(); } catch (e) { at = e.stack.split("\\n")[1].trim(); }',
      'module.exports = { value: twice(21), where, dir: __dirname, at, main: require.main === process.mainModule };',
      '',
    ].join('\n'),
  );
  write('esm.mjs', 'export const answer = 42;\n');
  write('dynamic.js', "module.exports = () => import('./esm.mjs').then((m) => m.answer);\n");
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Loads the modules in a new Node process with the cache installed; returns what they gave and the counts. */
function run(options: { write?: boolean; flags?: string[]; env?: Record<string, string>; only?: string } = {}) {
  const script = `
    import { createRequire } from 'node:module';
    import { installCodeCache } from ${JSON.stringify(hook)};
    const cache = installCodeCache({ dir: ${JSON.stringify(path.join(folder, 'cache'))}, write: ${Boolean(options.write)}, env: ${JSON.stringify(options.env ?? {})} });
    const require = createRequire(${JSON.stringify(path.join(folder, 'x.js'))});
    ${options.only ? `require(${JSON.stringify(options.only)}); console.log(JSON.stringify({ stats: cache.stats })); process.exit(0);` : ''}
    const main = require('./main.js');
    const answer = await require('./dynamic.js')();
    console.log(JSON.stringify({ main, answer, mode: cache.mode, stats: cache.stats }));
  `;
  const out = execFileSync(process.execPath, [...(options.flags ?? []), '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as {
    main: { value: number; where: string; dir: string; at: string; main: boolean };
    answer: number;
    mode: string;
    stats: { hits: number; misses: number; rejected: number; skipped: number };
  };
}

describe('the V8 code cache for the server’s CommonJS modules', () => {
  it('runs modules as Node does, saves them when asked, and loads them from the cache in the next process', () => {
    const first = run({ write: true });
    expect(first.mode).toBe('hook');
    expect(first.main).toEqual({
      value: 42,
      where: path.join(folder, 'helper.js'),
      dir: folder,
      at: `at fail (${path.join(folder, 'main.js')}:1:25)`,
      main: true,
    });
    // What Node's own loader gives.
    expect(run({ env: { HUTONG_CODE_CACHE: '0' } }).main).toEqual(first.main);
    expect(first.answer).toBe(42);
    // main.js and helper.js compiled here; dynamic.js (it has import()) left to Node.
    expect(first.stats).toEqual({ hits: 0, misses: 2, rejected: 0, skipped: 1 });

    const second = run();
    expect(second.main).toEqual(first.main);
    expect(second.answer).toBe(42);
    expect(second.stats).toEqual({ hits: 2, misses: 0, rejected: 0, skipped: 1 });
  });

  it('never runs stale code: a module changed to text of the same length is compiled again', () => {
    run({ write: true });
    fs.writeFileSync(path.join(folder, 'helper.js'), 'exports.twice = (n) => n * 3;\n');
    const after = run();
    expect(after.main.value).toBe(63);
    expect(after.stats).toEqual({ hits: 1, misses: 1, rejected: 0, skipped: 1 });
  });

  it('keeps entries apart for other V8 flags (V8 refuses them), and not for modules loaded first', () => {
    expect(flagsKey(['--max-old-space-size=512'], '')).not.toBe(flagsKey([], ''));
    expect(flagsKey(['--import', './clock.mjs'], '-r ./x.cjs')).toBe(flagsKey([], ''));
    expect(flagsKey(['--import=./clock.mjs'], '')).toBe(flagsKey([], ''));
    run({ write: true });
    const other = run({ flags: ['--max-old-space-size=256'] });
    expect(other.main.value).toBe(42);
    expect(other.mode).toBe('off');
    run({ write: true, flags: ['--max-old-space-size=256'] });
    expect(run({ flags: ['--max-old-space-size=256'] }).stats).toEqual({ hits: 2, misses: 0, rejected: 0, skipped: 1 });
    expect(run().stats).toEqual({ hits: 2, misses: 0, rejected: 0, skipped: 1 });
  });

  it('leaves Node’s loader alone where nothing was saved', () => {
    const none = run();
    expect(none.mode).toBe('off');
    expect(none.main.value).toBe(42);
    expect(none.stats).toEqual({ hits: 0, misses: 0, rejected: 0, skipped: 0 });
  });

  it('leaves modules to Node where source maps are on, which maps stack traces only for modules it compiles', () => {
    run({ write: true, flags: ['--enable-source-maps'] });
    const mapped = run({ flags: ['--enable-source-maps'] });
    expect(mapped.mode).toBe('off');
    expect(mapped.main.value).toBe(42);
    expect(fs.existsSync(path.join(folder, 'cache'))).toBe(false);
  });

  it('is off with HUTONG_CODE_CACHE=0, and reads a damaged entry as none', () => {
    run({ write: true });
    for (const sub of fs.readdirSync(path.join(folder, 'cache')))
      for (const entry of fs.readdirSync(path.join(folder, 'cache', sub)))
        fs.writeFileSync(path.join(folder, 'cache', sub, entry), 'garbage');
    const damaged = run();
    expect(damaged.main.value).toBe(42);
    expect(damaged.stats).toEqual({ hits: 0, misses: 2, rejected: 0, skipped: 1 });
    const off = run({ env: { HUTONG_CODE_CACHE: '0' } });
    expect(off.mode).toBe('off');
    expect(off.main.value).toBe(42);
    expect(off.stats).toEqual({ hits: 0, misses: 0, rejected: 0, skipped: 0 });
  });

  it('keeps its entries in one file, which holds what the last warm-up loaded, and reads a damaged index as none', () => {
    run({ write: true });
    const [sub] = fs.readdirSync(path.join(folder, 'cache'));
    const cacheFolder = path.join(folder, 'cache', sub!);
    // A cache as builds before the pack left it: one file per entry.
    const old = path.join(cacheFolder, `${'a'.repeat(40)}.bin`);
    fs.writeFileSync(old, 'old entry');
    // (No record of resolutions: that needs a build's fingerprint, see resolve-cache.test.ts.)
    expect(fs.readdirSync(cacheFolder).sort()).toEqual([path.basename(old), PACK]);

    // A later warm-up that loads helper.js alone: main.js's entry goes, and so does the old file.
    expect(run({ write: true, only: './helper.js' }).stats).toEqual({ hits: 1, misses: 0, rejected: 0, skipped: 0 });
    expect(fs.readdirSync(cacheFolder)).toEqual([PACK]);
    expect(run().stats).toEqual({ hits: 1, misses: 1, rejected: 0, skipped: 1 });

    // An index whose entries run past the end of the file; then a file that is no pack at all.
    const pack = path.join(cacheFolder, PACK);
    const bytes = fs.readFileSync(pack);
    const length = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.subarray(4, 4 + length).toString()) as Record<string, [number, number]>;
    for (const key of Object.keys(index)) index[key] = [bytes.length - 30, 1_000_000];
    const text = Buffer.from(JSON.stringify(index));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(text.length, 0);
    fs.writeFileSync(pack, Buffer.concat([head, text, bytes.subarray(4 + length)]));
    const damaged = run();
    expect(damaged.main.value).toBe(42);
    expect(damaged.stats).toEqual({ hits: 0, misses: 2, rejected: 0, skipped: 1 });
    fs.writeFileSync(pack, Buffer.from([255, 255, 255, 255, 1, 2]));
    expect(run().stats).toEqual({ hits: 0, misses: 2, rejected: 0, skipped: 1 });
  });
});
