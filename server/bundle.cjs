// `npm start`'s server code as one CommonJS file. Loading start.mjs's graph as ES modules (~15 files, and the
// packages they import through Node's ES module loader) took ~40 ms longer to reach `next` than loading the
// same code bundled, and a fresh server answered its first reader ~20–40 ms later (paired spawns). So
// `npm run build` bundles it (esbuild) into the build folder, and start.cjs runs the bundle when every
// source file it was made from is unchanged — their SHA-1s are on its first line — else the sources, as
// they are: a server edited since the build runs what it says.
// The server's search thread for result pages (lib/search/answer-worker.ts, TypeScript) is bundled the
// same way, into a file of its own (BUNDLES); it can run only from its bundle, and only while that matches.
// CommonJS, Node's built-in modules only: start.cjs requires it before anything else loads.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** The first line of a bundle: this, then its sources as JSON ({ path from the project: SHA-1 }). */
const MARK = '// hutong server bundle, made from: ';
/** The project folder (this file is in server/). */
const PROJECT = path.join(__dirname, '..');

/** The bundles `npm run build` writes: file name in the build folder's cache/hutong/ → entry in the project. */
const BUNDLES = {
  'server.cjs': 'server/start.mjs',
  'search-answer.cjs': 'lib/search/answer-worker.ts',
};

/**
 * Where the build keeps a bundle: in its build folder, beside the code cache (cache/hutong/).
 * @param {string} cwd
 * @param {string} distDir
 * @param {keyof typeof BUNDLES} [name]
 */
function bundleFile(cwd, distDir, name = 'server.cjs') {
  return path.resolve(cwd, distDir, 'cache', 'hutong', name);
}

/** @param {Buffer | string} bytes */
const sha1 = (bytes) => crypto.createHash('sha1').update(bytes).digest('hex');

/**
 * The bundle at `file` if it may run: it exists, lies inside the project (its packages are found by
 * walking up from it to node_modules), and each of its sources is as it was when it was made. Else null.
 * @param {string} file
 * @param {string} [project]
 * @returns {string | null} the file
 */
function freshBundle(file, project = PROJECT) {
  const inside = path.relative(project, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const line = text.slice(0, text.indexOf('\n'));
  if (!line.startsWith(MARK)) return null;
  /** @type {unknown} */
  let sources;
  try {
    sources = JSON.parse(line.slice(MARK.length));
  } catch {
    return null;
  }
  if (!sources || typeof sources !== 'object' || Object.keys(sources).length === 0) return null;
  for (const [source, hash] of Object.entries(sources)) {
    try {
      if (sha1(fs.readFileSync(path.join(project, source))) !== hash) return null;
    } catch {
      return null;
    }
  }
  return file;
}

/**
 * Bundles `entry` (server/start.mjs unless told) and the project files it imports (packages stay
 * `require`s; TypeScript's `@/` paths from tsconfig.json) into `file`, replacing it whole. esbuild is a
 * development dependency: without it, nothing is written and start.cjs runs the sources.
 * @param {string} file
 * @param {string} [project]
 * @param {string} [entry] path from the project
 * @returns {Promise<{ sources: number, bytes: number } | null>} null when esbuild is missing
 */
async function writeBundle(file, project = PROJECT, entry = BUNDLES['server.cjs']) {
  /** @type {typeof import('esbuild')} */
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    return null;
  }
  const result = await esbuild.build({
    absWorkingDir: project,
    entryPoints: [path.join(project, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'warning',
    // `createRequire(import.meta.url)` resolves packages from the bundle's own place.
    define: { 'import.meta.url': '__hutongModuleUrl' },
    banner: { js: 'var __hutongModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  /** @type {Record<string, string>} */
  const sources = {};
  for (const source of Object.keys(result.metafile.inputs).sort())
    sources[source] = sha1(fs.readFileSync(path.join(project, source)));
  const text = `${MARK}${JSON.stringify(sources)}\n${output.text}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return { sources: Object.keys(sources).length, bytes: Buffer.byteLength(text) };
}

module.exports = { BUNDLES, bundleFile, freshBundle, writeBundle, MARK };
