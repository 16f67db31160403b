// A V8 code cache for the server's CommonJS modules (Next's server code and the build's chunks), so a
// fresh server does not parse and compile them again: a new server process answers its first reader
// ~0.15 s sooner (npm run bench's start → first answer; the first render runs ~5 MB of code it has never
// compiled). The build writes the cache (scripts/warm-code-cache.mjs: a server renders a few pages, then
// saves what V8 compiled for them); servers only read it.
//
// Node 22 has this built in (module.enableCompileCache), and it is used where it exists. Node 20 has not,
// and the packages that add it (v8-compile-cache, v8-compile-cache-lib) break dynamic import(): a module
// compiled from a cache has no import callback (zertosh/v8-compile-cache#30, nodejs/node#43663), and
// Next loads next.config.mjs with import(). So this hook leaves alone every module whose text contains
// `import(`, an ES module, or a file it cannot compile, which Node then loads as it always does.
//
// A cache entry is used only for the same file with the same text (a SHA-1 of it is stored beside), and
// V8 refuses data made by another V8 or with other flags; entries are kept per Node version and flags.
// All of a folder's entries are in one file (PACK, read entry by entry from one open descriptor): ~500
// separate files cost a fresh server ~20 ms more in opening and closing them than reading them.
// Plain JavaScript: server/start.mjs installs it before anything else loads; next.config.mjs as a plain
// `next start` loads it (before most of Next's server code); instrumentation.ts in a standalone server,
// which does not read next.config.mjs (before the pages' code loads on the first request).
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { installResolveCache, resolutionFingerprint } from './resolve-cache.mjs';

const INSTALLED = Symbol.for('hutong.codeCache');

/**
 * The entries' file in a cache folder: a 4-byte length (little-endian), a JSON index of that length
 * (`{ [absolute module path]: [offset, length] }`, offsets counted from the end of the index), then each
 * entry, the SHA-1 of the module's text (20 bytes) followed by V8's data for it.
 */
export const PACK = 'modules.pack';

/**
 * Opens a folder's pack for reading; a missing or damaged one reads as empty.
 * @param {string} file
 * @returns {{ read(filename: string): Buffer | undefined }}
 */
function openPack(file) {
  /** @type {number | undefined} */
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4);
    if (fs.readSync(fd, head, 0, 4, 0) !== 4) throw new Error('short');
    const length = head.readUInt32LE(0);
    const text = Buffer.alloc(length);
    if (fs.readSync(fd, text, 0, length, 4) !== length) throw new Error('short');
    const parsed = JSON.parse(text.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an index');
    /** @type {Record<string, unknown>} */
    const index = parsed;
    const handle = fd;
    const entriesStart = 4 + length;
    return {
      read(filename) {
        const at = Object.hasOwn(index, filename) ? index[filename] : undefined;
        if (!Array.isArray(at) || !Number.isSafeInteger(at[0]) || !Number.isSafeInteger(at[1]) || at[1] <= 20)
          return undefined;
        const entry = Buffer.allocUnsafe(at[1]);
        try {
          return fs.readSync(handle, entry, 0, at[1], entriesStart + at[0]) === at[1] ? entry : undefined;
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    if (fd !== undefined) fs.closeSync(fd);
    return { read: () => undefined };
  }
}

/**
 * Writes `entries` as a folder's pack (a new file renamed over the old: a server reading the old one
 * keeps reading it).
 * @param {string} file
 * @param {Map<string, Buffer>} entries module path → SHA-1 of its text and V8's data
 */
function writePack(file, entries) {
  /** @type {Record<string, [number, number]>} */
  const index = {};
  let offset = 0;
  for (const [filename, entry] of entries) {
    index[filename] = [offset, entry.length];
    offset += entry.length;
  }
  const text = Buffer.from(JSON.stringify(index));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(text.length, 0);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.concat([head, text, ...entries.values()]));
  fs.renameSync(temporary, file);
}

/** Where a build folder's code cache lives (beside Next's own caches, never traced into functions). */
export function codeCacheDir(cwd = process.cwd(), distDir = process.env.NEXT_DIST_DIR || '.next') {
  return path.resolve(/*turbopackIgnore: true*/ cwd, distDir, 'cache', 'hutong', 'code');
}

/**
 * The part of the cache for this Node and these flags: V8 rejects data made under other flags (a heap
 * limit counts), so `npm start`'s and a plain `next start`'s entries are kept apart. Options that only
 * say what to run or load first (`--import`, `--require`, `--eval`…) change nothing V8 compiles and are
 * left out.
 * @param {string[]} [execArgv]
 * @param {string} [nodeOptions]
 */
export function flagsKey(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const words = [...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)];
  const kept = [];
  for (let i = 0; i < words.length; i++) {
    const word = /** @type {string} */ (words[i]);
    if (/^(--import|--require|-r|--loader|--experimental-loader|--eval|-e|--print|-p|--env-file)$/.test(word)) i++;
    else if (!/^(--import|--require|--loader|--experimental-loader|--eval|--print|--env-file|--input-type)=/.test(word))
      kept.push(word);
  }
  return crypto
    .createHash('sha1')
    .update(JSON.stringify([process.version, process.arch, kept]))
    .digest('hex')
    .slice(0, 16);
}

/** @param {string} text */
const sha1 = (text) => crypto.createHash('sha1').update(text).digest();

/** Whether the hook compiles this module (else Node does, as always). */
function cacheable(/** @type {string} */ content, /** @type {string} */ filename, /** @type {unknown} */ format) {
  return (
    format !== 'module' &&
    /\.c?js$/.test(filename) &&
    !content.startsWith('#!') &&
    // A module compiled from a cache loses its import() callback on Node 20 (see above).
    !content.includes('import(')
  );
}

/**
 * `require` for a module, as Node makes it (lib/internal/modules/helpers.js: makeRequireFunction).
 * @param {import('node:module')} mod
 */
function requireFor(mod) {
  const M = /** @type {any} */ (Module);
  const require = /** @type {NodeJS.Require} */ ((/** @type {string} */ id) => mod.require(id));
  const resolve = /** @type {NodeJS.RequireResolve} */ (
    (/** @type {string} */ request, /** @type {{ paths?: string[] } | undefined} */ options) =>
      M._resolveFilename(request, mod, false, options)
  );
  resolve.paths = (/** @type {string} */ request) => M._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = M._extensions;
  require.cache = M._cache;
  return require;
}

/**
 * This process's cache as installed (its counts so far), or null before installCodeCache().
 * @returns {CodeCache | null}
 */
export function installedCodeCache() {
  return /** @type {any} */ (Module.prototype)[INSTALLED] ?? null;
}

/**
 * @typedef {{ mode: 'node' | 'hook' | 'off', dir: string, stats: { hits: number, misses: number, rejected: number, skipped: number }, resolutions?: { entries: number, hits: number } | null }} CodeCache
 */

/**
 * Installs the cache for this process (once; a later call returns what the first installed).
 * `write`: when the process exits, save what V8 compiled for every module the hook loaded (the build's
 * warm-up does; servers do not write, their build folder may be read-only).
 * @param {{ dir?: string, write?: boolean, env?: Record<string, string | undefined> }} [options]
 * @returns {CodeCache}
 */
export function installCodeCache({ dir = codeCacheDir(), write = false, env = process.env } = {}) {
  const proto = /** @type {any} */ (Module.prototype);
  if (proto[INSTALLED]) return proto[INSTALLED];
  const stats = { hits: 0, misses: 0, rejected: 0, skipped: 0 };
  /** @type {CodeCache} */
  const state = { mode: 'off', dir, stats };
  proto[INSTALLED] = state;
  if (env.HUTONG_CODE_CACHE === '0') return state;
  const enable = /** @type {any} */ (Module).enableCompileCache;
  if (typeof enable === 'function') {
    enable(dir);
    state.mode = 'node';
    return state;
  }
  // Source maps on (--enable-source-maps): Node maps stack traces only for modules it compiles itself.
  if (/** @type {any} */ (process).sourceMapsEnabled) return state;
  const folder = path.join(/*turbopackIgnore: true*/ dir, flagsKey());
  // Nothing saved for this build and these flags (a standalone copy, Vercel, a build without the warm-up):
  // Node's loader as it is.
  if (!write && !fs.existsSync(folder)) return state;
  state.mode = 'hook';
  // Where the require() calls lead, saved beside the compiled code (resolve-cache.mjs).
  state.resolutions = installResolveCache({ folder, write, fingerprint: resolutionFingerprint() });
  const pack = openPack(path.join(/*turbopackIgnore: true*/ folder, PACK));
  /** @type {Map<string, { script: vm.Script, hash: Buffer }>} what to save (write mode) */
  const loaded = new Map();
  // The wrapper's text before the module's (columns on the first line are given as Node's loader gives them).
  const wrapperStart = Module.wrap('\0').indexOf('\0');
  const compile = proto._compile;
  proto._compile = function (
    /** @type {string} */ content,
    /** @type {string} */ filename,
    /** @type {unknown} */ format,
  ) {
    if (!cacheable(content, filename, format)) {
      stats.skipped++;
      return compile.call(this, content, filename, format);
    }
    const hash = sha1(content);
    // No entry, or one for other text: compiled from the text.
    const stored = pack.read(filename);
    const cachedData = stored?.subarray(0, 20).equals(hash) ? stored.subarray(20) : undefined;
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData, columnOffset: -wrapperStart });
    } catch {
      // Not a CommonJS script as far as V8 can tell (ES module syntax in a .js file): Node's loader decides.
      stats.skipped++;
      return compile.call(this, content, filename, format);
    }
    const hit = cachedData !== undefined && !script.cachedDataRejected;
    if (hit) stats.hits++;
    else if (cachedData) stats.rejected++;
    else stats.misses++;
    if (write) loaded.set(filename, { script, hash });
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  if (write)
    process.on('exit', () => {
      try {
        fs.mkdirSync(folder, { recursive: true });
        // Every module this process compiled through the hook, from the cache or not, with what V8 has
        // compiled of it by now (the functions the pages ran too); what it did not load (a chunk of an
        // earlier build) is left out.
        /** @type {Map<string, Buffer>} */
        const entries = new Map();
        for (const [filename, { script, hash }] of loaded)
          entries.set(filename, Buffer.concat([hash, script.createCachedData()]));
        writePack(path.join(/*turbopackIgnore: true*/ folder, PACK), entries);
        // One file per entry, as builds before the pack wrote them.
        for (const name of fs.readdirSync(folder))
          if (/^[0-9a-f]{40}\.bin$/.test(name)) fs.rmSync(path.join(/*turbopackIgnore: true*/ folder, name));
      } catch (error) {
        console.error(`[code cache] could not save to ${folder}: ${error instanceof Error ? error.message : error}`);
      }
    });
  return state;
}
