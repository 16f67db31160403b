// One cross-process lock file, used where two processes must not work on the same thing at once: the
// PGlite folder (lib/db/pglite-lock.ts: a second process is refused) and the build's content parse
// cache (lib/content/file-lock.ts: a second worker waits). Written by hand because the well-kept
// packages (proper-lockfile, lockfile) judge staleness by age alone, and a PGlite server legitimately
// holds its lock for months; here a lock is stale exactly when its process is gone, told apart from a
// reused pid by the process start time in /proc.
import fs from 'node:fs';
import path from 'node:path';

export type LockRecord = { pid: number; startTime: string | null; createdAt: string };

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses), or null. */
export function procStatFields(pid: number | 'self'): string[] | null {
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
export function processStartTime(pid: number | 'self'): string | null {
  return procStatFields(pid)?.[19] ?? null;
}

/** Whether the process that wrote `record` still runs. */
export function isHolderAlive(record: LockRecord): boolean {
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

export function readLockRecord(file: string): LockRecord | null {
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

/** A lock file too young to have been written yet is treated as held rather than as garbage. */
const UNWRITTEN_GRACE_MS = 5_000;

export type HeldLock = {
  readonly file: string;
  /** Removes the lock if this process still holds it. Safe to call twice. */
  release(): void;
};

export type TakeResult =
  | { taken: true; lock: HeldLock }
  /** `holder` is null while another process is between creating the file and writing its record. */
  | { taken: false; holder: LockRecord | null };

/**
 * Takes `file` at once, or says who holds it. A lock left by a process that no longer runs is removed
 * and taken over; the removal checks the file is still the one judged, so a lock just taken by a
 * racing process survives.
 */
export function tryTakeLock(file: string): TakeResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content =
    JSON.stringify({
      pid: process.pid,
      startTime: processStartTime('self'),
      createdAt: new Date().toISOString(),
    } satisfies LockRecord) + '\n';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      return { taken: true, lock: holdLock(file, content) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new Error(`Could not create the lock file ${file}: ${(error as Error).message}`, { cause: error });
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
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
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

function holdLock(file: string, content: string): HeldLock {
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
