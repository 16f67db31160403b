// An exclusive, crash-tolerant lock on a PGlite folder: PGlite silently loses committed writes when two
// processes open one folder, so a second process is refused at once, naming the holder. Plain
// JavaScript (types in pglite-lock.d.mts): `npm start` checks the folder with it before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { tryTakeLock } from '../locks/lock-file.mjs';

export class DatabaseLockedError extends Error {
  name = 'DatabaseLockedError';
  /** @param {string} folder @param {number} holderPid @param {string} lockFile */
  constructor(folder, holderPid, lockFile) {
    super(
      `The PGlite folder ${folder} is already in use by process ${holderPid} (lock file ${lockFile}). ` +
        'Two processes writing one PGlite folder lose data, so this one refuses to open it: stop process ' +
        `${holderPid} first, point DATA_DIR at another folder, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.folder = folder;
    this.holderPid = holderPid;
    this.lockFile = lockFile;
  }
}

/**
 * The lock file sits beside the folder rather than inside it, where PGlite's initdb expects an empty directory.
 * @param {string} folder
 */
export function lockFileFor(folder) {
  return path.resolve(folder) + '.lock';
}

/**
 * The folder's real path, created if missing: PGlite's file system cannot open a path through a symbolic
 * link, and the lock must be taken on the real folder, so a link and its target are one database with
 * one lock. Throws the file system's error.
 * @param {string} dataDir
 */
export function realFolder(dataDir) {
  const folder = path.resolve(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  return fs.realpathSync(folder);
}

/**
 * Takes the lock on `folder` or throws DatabaseLockedError at once if a live process holds it.
 * A lock left by a process that no longer runs is removed and taken over.
 * @param {string} folder
 * @returns {import('../locks/lock-file.d.mts').HeldLock}
 */
export function lockFolder(folder) {
  const file = lockFileFor(folder);
  const result = tryTakeLock(file);
  if (result.taken) return result.lock;
  if (result.holder) throw new DatabaseLockedError(path.resolve(folder), result.holder.pid, file);
  throw new Error(
    `The PGlite folder ${path.resolve(folder)} is being opened by another process (lock file ${file} is still being written). Try again in a few seconds.`,
  );
}
