// Runs once when a server process starts: loads the search index (the build's file, brought up to date
// with the content) in the background, so the first reader to search does not wait for it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmSearchIndex } = await import('@/lib/search/service');
  warmSearchIndex();
}
