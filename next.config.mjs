// Next.js configuration. Everything tunable at run time is an environment variable read in lib/config/index.ts;
// the two build-level knobs here (NEXT_DIST_DIR, CONTENT_DIR) exist so the benchmark can build
// synthetic corpora side by side without touching the demo build in .next/.
import os from 'node:os';
import { NATIVE_PACKAGES } from './lib/config/native-packages.mjs';
import { contentFolder, siteIndexFile, storedDir } from './lib/content/index-path.mjs';
import { securityHeaders } from './lib/site/security-headers.mjs';

/** The content folder as traced: relative to the project, as the index file records it. */
const contentDir = storedDir(contentFolder());
const distDir = process.env.NEXT_DIST_DIR || '.next';
/** `NEXT_OUTPUT=standalone`: a self-contained server folder (.next/standalone) packaged from the traces. */
const standalone = process.env.NEXT_OUTPUT === 'standalone';
/** On Vercel (VERCEL is set during its builds), for a standalone build, or when asked: see below. */
const packaged = Boolean(process.env.VERCEL) || standalone || process.env.TRACE_CONTENT === '1';
/**
 * The site index the build's index step wrote before `next build` (lib/content/site-db.ts): every server
 * reads it. Outside the build folder, whose files Next never traces (lib/content/index-path.mjs).
 */
const indexFile = siteIndexFile(distDir);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No second copy of rendered pages in each server's memory (Next keeps 50 MB by default): Next reads them
  // from its build folder (the OS caches the files), npm start's response cache keeps the hot ones, and a
  // CDN does on Vercel. Measured at 100,000 articles: 595 → 421 MiB after 1,000 old articles (next start).
  cacheMaxMemorySize: 0,
  distDir,
  ...(standalone ? { output: 'standalone' } : {}),
  // Native and WebAssembly packages must stay real node_modules requires, not bundled copies.
  serverExternalPackages: NATIVE_PACKAGES,
  // A server packaged from Next's file traces (Vercel, `output: 'standalone'`) must carry the site index,
  // and, since articles older than the prerendered set render on first request, the content folder.
  // `next start` in the project folder reads both from disk and needs no traces, and tracing costs the
  // build: Next reads every traced file (a 100,000-article index is 3.2 GiB: +3 GiB of build memory,
  // measured) and 10,000 content files cost ~10 s and ~440 MiB. So only builds for such platforms trace.
  outputFileTracingIncludes: packaged ? { '/**': [indexFile, `${contentDir}/**/*`] } : {},
  images: { unoptimized: true },
  experimental: {
    // Prerendering workers: one per core. Next leaves one core to its own process, which sits idle while
    // the workers render; on 2 cores that is one worker. 100,000 articles (316 pages): 28.1 → 20.9 s.
    cpus: os.availableParallelism(),
    // Next loads every route's server code as it starts (~45 routes here), on the thread that answers the
    // first request, which waits behind it. Off: a route's code loads on its first request, so a fresh
    // server answers its first reader ~0.2–0.4 s sooner (measured; npm run bench's start → first answer).
    preloadEntriesOnStart: false,
  },
  // Types are checked once, by `npm run typecheck` (CI runs it before the build). Checking them again
  // inside every `next build` costs ~25 s on a 2-core machine, more than rendering 10,000 articles' pages.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // The policy and why it allows inline scripts: lib/site/security-headers.mjs. `next dev` runs with
    // NODE_ENV=development; only there may React use eval.
    return [
      { source: '/:path*', headers: securityHeaders(process.env, { dev: process.env.NODE_ENV === 'development' }) },
      // Search results are the same for every reader and change only with the content: shared caches
      // (`npm start`'s response cache, a CDN) may answer a repeated query for a minute, never past the
      // next scheduled publication (server/cache-lifetime.mjs shortens it). Next keeps a Cache-Control
      // set here on a dynamic page.
      ...(process.env.NODE_ENV === 'development'
        ? []
        : [
            {
              source: '/search',
              headers: [{ key: 'Cache-Control', value: 'public, s-maxage=60, stale-while-revalidate=30' }],
            },
            // The same results as an HTML fragment (app/search/results/route.ts).
            {
              source: '/search/results',
              headers: [{ key: 'Cache-Control', value: 'public, s-maxage=60, stale-while-revalidate=30' }],
            },
          ]),
    ];
  },
};

/**
 * A server (`next start`) loads this file before most of Next's own server code: the build's V8 code cache
 * (server/code-cache.mjs) installed here compiles that code from the cache too. instrumentation.ts, the
 * other place a plain `next start` installs it, runs ~50 ms of Next's loading later; `npm start` installed
 * it before loading Next, and a standalone server (`node server.js`) does not read this file.
 * @param {string} phase
 * @returns {Promise<import('next').NextConfig>}
 */
export default async function config(phase) {
  if (phase === 'phase-production-server' && process.env.NODE_ENV === 'production')
    (await import('./server/code-cache.mjs')).installCodeCache();
  return nextConfig;
}
