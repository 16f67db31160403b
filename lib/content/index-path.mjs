// Where the build's site index lives: `.hutong/<build folder>/site.db`, beside the build folder rather
// than in it. Next leaves files under its build folder out of the file traces that serverless platforms
// (Vercel, `output: 'standalone'`) package functions from, and the servers there need this file. Named
// after the build folder (NEXT_DIST_DIR), so builds side by side (the benchmark's) keep their own.
// Also where the content folder is, and how an index file records it. Plain JavaScript: next.config.mjs and
// server/serve.mjs read it before anything is compiled.
import path from 'node:path';

/**
 * The folder name for a build folder: `.next` → `next`, `.bench/next-10000` → `bench-next-10000`.
 * @param {string} distDir
 */
export function indexFolderName(distDir) {
  const relative = path.isAbsolute(distDir) ? path.relative(process.cwd(), distDir) : distDir;
  const name = path
    .normalize(relative)
    .split(/[\\/]+/)
    .map((part) => part.replace(/^\.+/, ''))
    .filter((part) => part && part !== '..')
    .join('-')
    .replace(/[^\w.-]+/g, '_');
  return name || 'next';
}

/**
 * The index file, relative to the project folder (as next.config.mjs's traces name it).
 * @param {string} [distDir]
 */
export function siteIndexFile(distDir = process.env.NEXT_DIST_DIR || '.next') {
  // turbopackIgnore: a runtime path; next.config.mjs names the one file to trace.
  return path.join(/*turbopackIgnore: true*/ '.hutong', indexFolderName(distDir), 'site.db');
}

/**
 * The content folder, absolute: CONTENT_DIR (trimmed) from the working directory, `content` by default.
 * lib/config, next.config.mjs and `npm start`'s publication clock all resolve it here.
 * @param {Record<string, string | undefined>} [env]
 */
export function contentFolder(env = process.env) {
  const named = env.CONTENT_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), named || 'content');
}

/**
 * The content folder as an index file records it: relative to the working directory, so that a server
 * packaged from the build's traces (its own folder, its own copy of content/) recognises its index.
 * @param {string} dir
 */
export function storedDir(dir) {
  return path.relative(/*turbopackIgnore: true*/ process.cwd(), path.resolve(/*turbopackIgnore: true*/ dir)) || '.';
}

/**
 * How `npm run build` (scripts/build.mjs) hands the index file from its index step to `next build`, which
 * it starts before the step is done: the step holds the index file's lock (`<index file>.lock`, the one
 * lib/content/index.ts compiles under) until the file is in place, sends INDEX_PARSED_MESSAGE when its
 * remaining work is single-threaded, and `next build` gets the lock's path in INDEX_STEP_LOCK_ENV; its
 * pages wait for the lock before their first look at the file (built-index.ts).
 */
export const INDEX_PARSED_MESSAGE = 'hutong:index-parsed';
export const INDEX_STEP_LOCK_ENV = 'HUTONG_INDEX_STEP_LOCK';
