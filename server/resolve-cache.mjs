// Where a fresh server's require() calls lead, saved by the build beside its V8 code cache (code-cache.mjs).
// Before it answers its first reader, `npm start` resolves ~1,200 require() calls (Next's server, the page's
// chunks, packages), and Node's resolution walks folders, stats candidate files and reads package.json
// files for each: ~90–110 ms of the first answer on this machine (measured at 100,000 articles). The
// build's warm-up records each (folder, request) → file it resolved; a server whose project, build, Node and
// installed packages are those the record was made with answers those calls from it, and Node resolves
// everything else as always.
// What may change a resolution is in the record's fingerprint: the project's folder, the build (BUILD_ID:
// chunk names change with every build), Node's version, and node_modules (npm rewrites
// node_modules/.package-lock.json whenever it changes the tree). The Node flags are the cache folder's key.
// Plain JavaScript: it is installed before anything else loads.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

const FILE = 'resolutions.json';

/**
 * What the saved resolutions depend on, as it is now; null when it cannot be told (no build, or packages
 * not installed by npm): nothing is saved or used then.
 * @param {string} cwd
 * @param {string} distDir
 * @returns {string | null}
 */
export function resolutionFingerprint(cwd = process.cwd(), distDir = process.env.NEXT_DIST_DIR || '.next') {
  try {
    const build = fs.readFileSync(path.join(/*turbopackIgnore: true*/ cwd, distDir, 'BUILD_ID'), 'utf8').trim();
    const packages = fs.statSync(path.join(/*turbopackIgnore: true*/ cwd, 'node_modules', '.package-lock.json'));
    return JSON.stringify([
      process.version,
      path.resolve(/*turbopackIgnore: true*/ cwd),
      build,
      packages.size,
      packages.mtimeMs,
    ]);
  } catch {
    return null;
  }
}

/**
 * Whether a call's resolution may be saved and reused: a request from a module file (not the entry point),
 * not a built-in module, without `paths` of its own.
 * @param {string} request
 * @param {any} parent
 * @param {boolean} isMain
 * @param {unknown} options
 */
function keyOf(request, parent, isMain, options) {
  if (isMain || options || typeof request !== 'string' || !parent?.filename || Module.isBuiltin(request)) return null;
  return `${path.dirname(parent.filename)}\0${request}`;
}

/**
 * Answers require() resolutions from `<folder>/resolutions.json` when its fingerprint matches; with `write`,
 * records every resolution and saves them there as the process exits.
 * @param {{ folder: string, write: boolean, fingerprint: string | null }} options
 * @returns {{ entries: number, hits: number } | null} null when nothing is used or recorded
 */
export function installResolveCache({ folder, write, fingerprint }) {
  if (fingerprint === null) return null;
  const M = /** @type {any} */ (Module);
  const resolve = M._resolveFilename;
  const file = path.join(/*turbopackIgnore: true*/ folder, FILE);
  /** @type {Map<string, string>} */
  const entries = new Map();
  const stats = { entries: 0, hits: 0 };
  if (write)
    process.on('exit', () => {
      try {
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(file, JSON.stringify({ fingerprint, entries: Object.fromEntries(entries) }));
      } catch (error) {
        console.error(
          `[code cache] could not save resolutions to ${file}: ${error instanceof Error ? error.message : error}`,
        );
      }
    });
  else {
    try {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (saved?.fingerprint !== fingerprint || !saved.entries || typeof saved.entries !== 'object') return null;
      for (const [key, value] of Object.entries(saved.entries)) if (typeof value === 'string') entries.set(key, value);
    } catch {
      return null;
    }
    stats.entries = entries.size;
  }
  // Recording (write), Node resolves every call; else a recorded call is answered from the record.
  M._resolveFilename = function (
    /** @type {string} */ request,
    /** @type {any} */ parent,
    /** @type {boolean} */ isMain,
    /** @type {unknown} */ options,
  ) {
    const key = keyOf(request, parent, isMain, options);
    const saved = key === null || write ? undefined : entries.get(key);
    if (saved !== undefined) {
      stats.hits++;
      return saved;
    }
    const resolved = resolve.call(this, request, parent, isMain, options);
    if (write && key !== null && typeof resolved === 'string' && path.isAbsolute(resolved)) entries.set(key, resolved);
    return resolved;
  };
  return stats;
}
