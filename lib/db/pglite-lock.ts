// An exclusive, crash-tolerant lock on a PGlite folder: PGlite silently loses committed writes when two
// processes open one folder, so a second process is refused at once, naming the holder.
import path from 'node:path';
import { tryTakeLock, type HeldLock } from '@/lib/locks/lock-file';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
  constructor(
    readonly folder: string,
    readonly holderPid: number,
    readonly lockFile: string,
  ) {
    super(
      `The PGlite folder ${folder} is already in use by process ${holderPid} (lock file ${lockFile}). ` +
        'Two processes writing one PGlite folder lose data, so this one refuses to open it: stop process ' +
        `${holderPid} first, point DATA_DIR at another folder, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

export type FolderLock = HeldLock;

/** The lock file sits beside the folder rather than inside it, where PGlite's initdb expects an empty directory. */
export function lockFileFor(folder: string): string {
  return path.resolve(folder) + '.lock';
}

/**
 * Takes the lock on `folder` or throws DatabaseLockedError at once if a live process holds it.
 * A lock left by a process that no longer runs is removed and taken over.
 */
export function lockFolder(folder: string): FolderLock {
  const file = lockFileFor(folder);
  const result = tryTakeLock(file);
  if (result.taken) return result.lock;
  if (result.holder) throw new DatabaseLockedError(path.resolve(folder), result.holder.pid, file);
  throw new Error(
    `The PGlite folder ${path.resolve(folder)} is being opened by another process (lock file ${file} is still being written). Try again in a few seconds.`,
  );
}
