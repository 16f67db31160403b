// The build's last step (scripts/build.mjs): fills the build folder's V8 code cache (server/code-cache.mjs)
// for the way servers start. Run as `node [flags] scripts/warm-code-cache.mjs`, once with the flags
// package.json's start script gives (`npm start`) and once with none (a plain `next start`), since V8
// keeps the two apart. It serves the build in this process, asks for the pages a fresh server is first
// asked for (home, an old article that is not prerendered, a search), and saves what V8 compiled for
// them as it exits. scripts/build.mjs removes what the pages wrote into the build folder (Next's page
// cache) once both runs have exited, so the build folder holds what the build made.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteIndexFile } from '../lib/content/index-path.mjs';
import { codeCacheDir, installCodeCache } from '../server/code-cache.mjs';

const require = createRequire(import.meta.url);

/**
 * The Node flags package.json's `start` script puts before server/start.cjs (e.g. the heap limit).
 * @param {string} cwd
 * @returns {string[]}
 */
export function npmStartNodeFlags(cwd) {
  const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  const script = String(pkg.scripts?.start ?? '');
  const match = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+server\/start\.cjs$/.exec(script.trim());
  if (!match) throw new Error(`package.json's start script is not "node [flags] server/start.cjs": "${script}"`);
  return (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
}

/**
 * Every file and folder under `dir` (relative paths, a folder before what it holds).
 * @param {string} dir
 * @returns {string[]}
 */
export function entriesUnder(dir) {
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      found.push(rel);
      if (entry.isDirectory()) walk(rel);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return found;
}

/**
 * Removes what is under `dir` now and was not in `before` (deepest first).
 * @param {string} dir
 * @param {string[]} before
 * @returns {number} how many files and folders were removed
 */
export function removeAddedSince(dir, before) {
  const kept = new Set(before);
  const added = entriesUnder(dir).filter((rel) => !kept.has(rel));
  for (const rel of added.reverse()) fs.rmSync(path.join(dir, rel), { recursive: true, force: true });
  return added.length;
}

/**
 * The addresses to ask for: home, the oldest published article (old articles are not prerendered: its
 * page renders), a search.
 * @param {string} cwd @param {string} distDir
 */
export function warmPaths(cwd, distDir) {
  const paths = ['/'];
  const Database = require('better-sqlite3');
  const db = new Database(path.join(cwd, siteIndexFile(distDir)), { readonly: true, fileMustExist: true });
  try {
    const slug = db
      .prepare('SELECT slug FROM articles WHERE date_ms <= ? ORDER BY date_ms, slug LIMIT 1')
      .pluck()
      .get(Date.now());
    if (typeof slug === 'string') paths.push(`/articles/${encodeURIComponent(slug)}`);
  } finally {
    db.close();
  }
  paths.push(`/search?q=${encodeURIComponent('城市')}`);
  return paths;
}

/** @param {number} port @param {string} pathname @returns {Promise<number>} */
function get(port, pathname) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${pathname} did not answer in 60 s`)));
    req.on('error', reject);
  });
}

async function main() {
  const cwd = process.cwd();
  require('@next/env').loadEnvConfig(cwd, false);
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const cache = installCodeCache({ dir: codeCacheDir(cwd, distDir), write: true });
  if (cache.mode !== 'hook') {
    console.log(`code cache: ${cache.mode === 'node' ? "Node's own compile cache is used" : 'off'}; nothing to warm`);
    return;
  }
  process.env.NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Pages read no account, but next-auth's configuration is checked when its module loads.
  process.env.AUTH_SECRET ||= 'code-cache-warm-up-only-0123456789abcdef';
  process.env.AUTH_TRUST_HOST ??= 'true';
  const app = require('next')({ dev: false, dir: cwd, hostname: '127.0.0.1' });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const started = performance.now();
  const answers = [];
  for (const pathname of warmPaths(cwd, distDir))
    answers.push(`${decodeURIComponent(pathname)} ${await get(port, pathname)}`);
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  const { stats } = cache;
  console.log(
    `code cache: ${stats.misses + stats.rejected} modules compiled for ${answers.join(', ')} in ` +
      `${Math.round(performance.now() - started)} ms (${stats.skipped} left to Node)`,
  );
  // The cache is written as the process exits (server/code-cache.mjs).
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('code cache:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
