// Runs once when a server process starts: opens the site index file (lib/content/site-db.ts) so the first
// request does not pay for it. Only the opening code is loaded (built-index.ts): where no build wrote the
// file, the first page compiles it. It does not count the published articles for its log line: at 100,000
// that query takes ~50 ms, which a fresh server's first answer would wait for.
//
// It also installs the build's V8 code cache (server/code-cache.mjs) where nothing has yet: in a standalone
// server, which does not read next.config.mjs (`npm start` installed it before loading Next, next.config.mjs as
// a plain `next start` loaded it): the pages' code, loaded on their first request, is then not compiled again.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NODE_ENV === 'production') (await import('@/server/code-cache.mjs')).installCodeCache();
  const { getBuiltContentIndex } = await import('@/lib/content/built-index');
  try {
    const started = performance.now();
    const index = getBuiltContentIndex();
    console.info(
      index === null
        ? 'content: no site index built for this content yet; the first page compiles it'
        : `content: site index open in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    // A content problem (STRICT_CONTENT) is reported by the pages that need the content; starting goes on.
    console.error('content: could not open the site index at start:', error instanceof Error ? error.message : error);
  }
}
