// Test helper run as a child process: opens a PGlite folder, optionally saves a bookmark, says READY, then holds
// the folder until killed.
import { createUser } from '@/lib/accounts/users/users';
import { setBookmark } from '@/lib/accounts/bookmarks';
import { openDatabase } from '../lib/db/client';

async function main(): Promise<void> {
  const [dataDir, email] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: testing-hold.ts <dataDir> [email-to-create]');
  const handle = await openDatabase({ dataDir, migrate: true });
  if (email) {
    const user = await createUser(handle.db, { email, password: 'correct horse' });
    await setBookmark(handle.db, user.id, 'written-before-the-crash', true);
  }
  process.stdout.write(`READY ${process.pid}\n`);
  // Keep the event loop alive until the parent kills this process.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
