// Where a build writes the site index (compile.ts): the previous index file itself when no one reads it,
// a copy of it renamed over it at the end when someone does, or a new file; and the file put back to its
// last commit when a build died inside a write.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  createSiteDb,
  openSiteDb,
  openSiteDbInPlace,
  openWritableSiteDb,
  readInfoOf,
  type SiteDb,
} from './site-db';

/**
 * A build that died inside a write left the index file's rollback journal behind (a "hot" journal): the
 * file is rolled back to its last commit here, by the first connection allowed to write it. Left in
 * place, it would stop every read-only server from opening the file, and a file renamed over this one
 * would have the old file's pages played back into it. A journal still in use by a live build (which
 * holds its lock) is left alone: that is an error the caller reports.
 */
function recoverInterrupted(dbFile: string): void {
  if (!fs.existsSync(`${dbFile}-journal`)) return;
  let db: SiteDb | null = null;
  try {
    // Plainly opened (no journal_mode = OFF before the rollback has run) and without waiting on a lock.
    db = new Database(dbFile, { fileMustExist: true, timeout: 0 });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(`${dbFile} is being written by another build; wait for it to finish and build again`, {
        cause: error,
      });
    // Beyond repair: built again from nothing.
    db?.close();
    db = null;
    fs.rmSync(dbFile, { force: true });
    fs.rmSync(`${dbFile}-journal`, { force: true });
  } finally {
    db?.close();
  }
}

export type Started = { db: SiteDb; temporary: string | null; inPlace: boolean; reused: boolean };

/**
 * Where this build writes. The previous index file, when this code made it for this folder: in place
 * when no one reads it (no copy of a file of gigabytes), else a copy of it renamed over it at the end, so
 * a server reading it never sees a build half done. Else a new file.
 */
export function startDb(dbFile: string, key: Record<string, string>): Started {
  if (dbFile === ':memory:') return { db: createSiteDb(':memory:'), temporary: null, inPlace: false, reused: false };
  const temporary = `${dbFile}.${process.pid}.${Date.now()}.tmp`;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  recoverInterrupted(dbFile);
  const info = readInfoOf(dbFile);
  const reusable = info !== null && Object.entries(key).every(([k, v]) => info[k] === v);
  if (!reusable) return { db: createSiteDb(temporary, { bulk: true }), temporary, inPlace: false, reused: false };
  const own = openSiteDbInPlace(dbFile);
  if (own) return { db: own, temporary: null, inPlace: true, reused: true };
  // Read by someone: copied under a shared lock of our own, so no other build can change it meanwhile.
  const reading = openSiteDb(dbFile);
  try {
    fs.copyFileSync(dbFile, temporary, fs.constants.COPYFILE_FICLONE);
  } finally {
    reading.close();
  }
  return { db: openWritableSiteDb(temporary), temporary, inPlace: false, reused: true };
}

/**
 * A finished copy or new file renamed over the index file: a server that has the old one open keeps
 * reading it until it reopens. No journal of the old file may outlive it (see recoverInterrupted).
 */
export function putInPlace(temporary: string, target: string): void {
  fs.rmSync(`${target}-journal`, { force: true });
  fs.renameSync(temporary, target);
}

/**
 * After a failure: the connection closed and a copy or new file removed. A file updated in place keeps
 * what was committed, marked as building (see compile.ts), for the next build to finish.
 */
export function abandon(s: { db: SiteDb; temporary: string | null }): void {
  try {
    s.db.close();
  } catch {
    // Already closed.
  }
  if (s.temporary !== null) fs.rmSync(s.temporary, { force: true });
}
