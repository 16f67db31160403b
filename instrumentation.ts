// Runs once when a server process starts: opens the site index file (lib/content/site-db.ts) so the first
// request does not pay for it. Opening reads no more than the file's header and the drafts list.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getContentIndex } = await import('@/lib/content/index');
  try {
    const started = performance.now();
    const index = getContentIndex();
    console.info(
      `content: ${index.count} articles published; index open in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    // A content problem (STRICT_CONTENT) is reported by the pages that need the content; starting goes on.
    console.error('content: could not open the site index at start:', error instanceof Error ? error.message : error);
  }
}
