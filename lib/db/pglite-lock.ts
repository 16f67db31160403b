// An exclusive, crash-tolerant lock on a PGlite folder: PGlite silently loses committed writes when two processes open one folder.
import fs from 'node:fs';
import path from 'node:path';

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

type LockRecord = { pid: number; startTime: string | null; createdAt: string };

export type FolderLock = {
  /** Path of the lock file, a sibling of the folder (`<folder>.lock`). */
  readonly file: string;
  /** Removes the lock if this process still holds it. Safe to call twice. */
  release(): void;
};

/** The lock file sits beside the folder rather than inside it, where PGlite's initdb expects an empty directory. */
export function lockFileFor(folder: string): string {
  return path.resolve(folder) + '.lock';
}

/**
 * Identifies one incarnation of a process: the start time from /proc on Linux, so a pid reused after
 * a crash (common in containers, where the server is often pid 1 every time) is not mistaken for the holder.
 */
function processStartTime(pid: number | 'self'): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces and parentheses; fields after the last ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: LockRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (record.startTime === null) return true;
  const current = processStartTime(record.pid);
  return current === null || current === record.startTime;
}

function readRecord(file: string): LockRecord | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, startTime, createdAt } = parsed as Record<string, unknown>;
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

/** A lock file too young to have been written yet is treated as held rather than as garbage. */
const UNWRITTEN_GRACE_MS = 5_000;

/**
 * Takes the lock on `folder` or throws DatabaseLockedError at once if a live process holds it.
 * A lock left by a process that no longer runs is removed and taken over.
 */
export function lockFolder(folder: string): FolderLock {
  const file = lockFileFor(folder);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockRecord = { pid: process.pid, startTime: processStartTime('self'), createdAt: new Date().toISOString() };
  const content = JSON.stringify(mine) + '\n';

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      return holdLock(file, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new Error(`Could not create the PGlite lock file ${file}: ${(error as Error).message}`, { cause: error });
      }
    }
    const raw = readRaw(file);
    if (raw === null) continue; // removed between our attempt and the read: try again
    const holder = readRecord(file);
    if (holder && isAlive(holder)) throw new DatabaseLockedError(path.resolve(folder), holder.pid, file);
    if (!holder && Date.now() - mtimeMs(file) < UNWRITTEN_GRACE_MS) {
      throw new Error(`The PGlite folder ${path.resolve(folder)} is being opened by another process (lock file ${file} is still being written). Try again in a few seconds.`);
    }
    // Stale: remove it only if it is still the file we judged, so a lock just taken by a racing process survives.
    if (readRaw(file) === raw) {
      try {
        fs.unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      console.warn(`[db] Removed a stale PGlite lock ${file} left by process ${holder?.pid ?? '(unknown)'}, which is no longer running.`);
    }
  }
  throw new Error(`Could not take the PGlite lock ${file}: it kept changing while being recovered. Is another process starting at the same moment?`);
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function mtimeMs(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function holdLock(file: string, content: string): FolderLock {
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
