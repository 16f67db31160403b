// One cross-process lock file, used where two processes must not work on the same thing at once: the
// PGlite folder (lib/db/pglite-lock.mjs: a second process is refused) and the build's content parse
// cache (lib/content/file-lock.ts: a second worker waits). Written by hand because the well-kept
// packages (proper-lockfile, lockfile) judge staleness by age alone, and a PGlite server legitimately
// holds its lock for months; here a lock is stale exactly when its process is gone, told apart from a
// reused pid by the process start time in /proc.
// Plain JavaScript (types in lock-file.d.mts): `npm start` checks the PGlite folder with it before
// anything is compiled.
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {import('./lock-file.d.mts').LockRecord} LockRecord */
/** @typedef {import('./lock-file.d.mts').HeldLock} HeldLock */
/** @typedef {import('./lock-file.d.mts').TakeResult} TakeResult */

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses), or null. */
/** @param {number | 'self'} pid @returns {string[] | null} */
export function procStatFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * Identifies one incarnation of a process: its start time from /proc on Linux, so a pid reused after a
 * crash (common in containers, where the server is often pid 1 every time) is not taken for the holder.
 */
/** @param {number | 'self'} pid @returns {string | null} */
export function processStartTime(pid) {
  return procStatFields(pid)?.[19] ?? null;
}

/** Whether the process that wrote `record` still runs. */
/** @param {LockRecord} record @returns {boolean} */
export function isHolderAlive(record) {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM') return false;
  }
  if (record.startTime === null) return true;
  const current = processStartTime(record.pid);
  return current === null || current === record.startTime;
}

/** @param {string} file @returns {LockRecord | null} */
export function readLockRecord(file) {
  try {
    /** @type {unknown} */
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, startTime, createdAt } = /** @type {Record<string, unknown>} */ (parsed);
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return {
      pid,
      startTime: typeof startTime === 'string' ? startTime : null,
      createdAt: typeof createdAt === 'string' ? createdAt : '',
    };
  } catch {
    return null;
  }
}

/** @param {string} file @returns {string | null} */
function readRaw(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** @param {string} file @returns {number} */
function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** A lock file too young to have been written yet is treated as held rather than as garbage. */
const UNWRITTEN_GRACE_MS = 5_000;

/**
 * Takes `file` at once, or says who holds it. A lock left by a process that no longer runs is removed
 * and taken over; the removal checks the file is still the one judged, so a lock just taken by a
 * racing process survives.
 */
/** @param {string} file @returns {TakeResult} */
export function tryTakeLock(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content =
    JSON.stringify(
      /** @type {LockRecord} */ ({
        pid: process.pid,
        startTime: processStartTime('self'),
        createdAt: new Date().toISOString(),
      }),
    ) + '\n';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      return { taken: true, lock: holdLock(file, content) };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST')
        throw new Error(`Could not create the lock file ${file}: ${/** @type {Error} */ (error).message}`, {
          cause: error,
        });
    }
    const raw = readRaw(file);
    if (raw === null) continue; // removed between our attempt and the read: try again
    const holder = readLockRecord(file);
    if (holder && isHolderAlive(holder)) return { taken: false, holder };
    if (!holder && Date.now() - mtimeMs(file) < UNWRITTEN_GRACE_MS) return { taken: false, holder: null };
    if (readRaw(file) === raw) {
      try {
        fs.unlinkSync(file);
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
      }
      console.warn(
        `[lock] Removed a stale lock ${file} left by process ${holder?.pid ?? '(unknown)'}, which is no longer running.`,
      );
    }
  }
  throw new Error(
    `Could not take the lock ${file}: it kept changing while being recovered. Is another process starting at the same moment?`,
  );
}

/** @param {string} file @param {string} content @returns {HeldLock} */
function holdLock(file, content) {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Never delete a lock that a recovering process took over after ours was judged stale.
    if (readRaw(file) === content) {
      try {
        fs.unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  // 'exit' listeners run on process.exit() and normal termination, which is how Next stops on SIGINT/SIGTERM.
  process.on('exit', release);
  return { file, release };
}
