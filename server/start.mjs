// `npm start` (through start.cjs, which runs the build's bundle of this file when it matches): build if needed,
// make sure there is an AUTH_SECRET, apply migrations in a child process (or, for an existing PGlite folder,
// check that no other process holds it: the server migrates it when it opens it), then serve the build in this
// process (server/serve.mjs: Next behind the front door and the response cache).
// Plain JavaScript so it runs before anything is compiled; the migration step runs TypeScript through tsx.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lockFolder, realFolder } from '../lib/db/pglite-lock.mjs';
import { installCodeCache } from './code-cache.mjs';
import { listenOptions, responseCacheBytes, searchThreads, serveNext } from './serve.mjs';

const require = createRequire(import.meta.url);

/**
 * Decides where AUTH_SECRET comes from. A deployment that says it is production (NODE_ENV or VERCEL)
 * or uses PostgreSQL must set it; the embedded setup gets one generated once and kept beside the data.
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd
 * @returns {{ secret: string | null, source: 'env' | 'file' | 'generated' | 'missing' | 'too-short', file: string | null }}
 */
export function resolveAuthSecret(env, cwd) {
  if (env.AUTH_SECRET && env.AUTH_SECRET.trim()) {
    const secret = env.AUTH_SECRET.trim();
    return { secret, source: secret.length >= 32 ? 'env' : 'too-short', file: null };
  }
  const deployed =
    env.NODE_ENV === 'production' || Boolean(env.VERCEL) || Boolean(env.DATABASE_URL && env.DATABASE_URL.trim());
  if (deployed) return { secret: null, source: 'missing', file: null };
  const file = path.join(path.dirname(dataFolder(env, cwd)), 'auth-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return { secret: existing, source: 'file', file };
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return { secret, source: 'generated', file };
}

/**
 * The PGlite folder, as the server resolves DATA_DIR (lib/config/server.ts).
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd
 */
export function dataFolder(env, cwd) {
  return path.resolve(cwd, env.DATA_DIR && env.DATA_DIR.trim() ? env.DATA_DIR.trim() : '.data/pglite');
}

/**
 * What `npm start` does about the database before serving. PostgreSQL: apply migrations (the server never
 * does; many instances must not race to). PGlite: the server applies them itself when it first opens the
 * folder, under the folder's lock, so a folder that exists is only checked for another process holding it
 * (~0 ms, where opening PGlite to migrate takes ~2 s before every first answer); a new folder is created
 * and migrated first, as on the first `npm start`.
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd
 * @returns {'migrate' | 'check-lock'}
 */
export function databaseStep(env, cwd) {
  if (env.DATABASE_URL && env.DATABASE_URL.trim()) return 'migrate';
  return fs.existsSync(path.join(dataFolder(env, cwd), 'PG_VERSION')) ? 'check-lock' : 'migrate';
}

let interrupted = false;

/** @param {string} command @param {string[]} args @returns {Promise<number>} */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    // Ctrl-C reaches the whole process group; forwarding also covers a plain `kill <pid>` of this script.
    const forward = (/** @type {NodeJS.Signals} */ signal) => {
      interrupted = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // Stopped by Ctrl-C: stop here too rather than carry on to the next step.
      resolve(interrupted ? 130 : (code ?? (signal ? 1 : 0)));
    });
  });
}

/** Everything `npm start` does, in order. */
export async function main() {
  const cwd = process.cwd();
  // Read .env files the way Next will, so a secret or DATABASE_URL kept there counts here too.
  require('@next/env').loadEnvConfig(cwd, false);

  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(cwd, distDir, 'BUILD_ID'))) {
    console.log(`[start] No production build in ${distDir}/: running \`npm run build\` first.`);
    const code = await run(process.execPath, [path.join(cwd, 'scripts', 'build.mjs')]);
    if (code !== 0) process.exit(code);
  }
  // Before Next loads (and after a build this start ran, which saves it): Next's server code and the
  // build's chunks compiled from the build's V8 code cache (server/code-cache.mjs).
  installCodeCache();

  const auth = resolveAuthSecret(process.env, cwd);
  if (auth.source === 'missing') {
    console.error(
      '[start] AUTH_SECRET is not set. It is required in production (NODE_ENV=production, VERCEL or DATABASE_URL is set) ' +
        'to sign session cookies: set AUTH_SECRET to a random string of at least 32 characters, for example `openssl rand -base64 32`.',
    );
    process.exit(1);
  }
  if (auth.source === 'too-short') {
    console.error(
      '[start] AUTH_SECRET is too short: use at least 32 random characters, for example `openssl rand -base64 32`.',
    );
    process.exit(1);
  }
  if (auth.source === 'generated')
    console.log(
      `[start] AUTH_SECRET is not set: generated one and saved it to ${path.relative(cwd, auth.file ?? '')} (set AUTH_SECRET to use your own).`,
    );
  if (auth.source === 'file')
    console.log(`[start] Using the AUTH_SECRET saved in ${path.relative(cwd, auth.file ?? '')}.`);
  process.env.AUTH_SECRET = auth.secret ?? '';
  // `next start` on one host: the Host header is the only source of the site's origin.
  process.env.AUTH_TRUST_HOST ??= 'true';

  try {
    require.resolve('tsx');
  } catch {
    console.error(
      '[start] Cannot apply migrations: the tsx package is missing. Run `npm install` (it is a dev dependency).',
    );
    process.exit(1);
  }
  if (databaseStep(process.env, cwd) === 'check-lock') {
    // Taken and let go at once: the server takes it again when it first opens the folder.
    try {
      lockFolder(realFolder(dataFolder(process.env, cwd))).release();
    } catch (error) {
      console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
      console.error('[start] Not starting the server.');
      process.exit(1);
    }
  } else {
    // A child process, so the PGlite folder lock it takes is released before the server opens the folder.
    const migrated = await run(process.execPath, ['--import', 'tsx', path.join(cwd, 'scripts', 'migrate.ts')]);
    if (migrated !== 0) {
      console.error('[start] Migrations failed; not starting the server.');
      process.exit(migrated);
    }
  }

  // Next behind the front door and the response cache (server/serve.mjs), in this very process: it
  // handles SIGINT/SIGTERM itself, so Ctrl-C leaves nothing behind.
  const listen = listenOptions(process.argv.slice(2), process.env);
  process.env.NODE_ENV = 'production';
  await serveNext({
    dir: cwd,
    ...listen,
    cacheBytes: responseCacheBytes(process.env),
    searchThreads: searchThreads(process.env),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error('[start]', error);
    process.exit(1);
  });
}
