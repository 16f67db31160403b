// A cross-process lock file, so parallel Next.js build workers build the content index once and share it.
import fs from 'node:fs';
import path from 'node:path';

export type LockOptions = {
  /** Give up waiting after this long and run anyway: a stuck peer must never hang the build. */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its process seems alive (pid reuse). */
  staleMs?: number;
  pollMs?: number;
};

type Holder = { pid: number; at: number };

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  // The index is built synchronously (pages ask for it from sync code), so waiting must be sync too.
  Atomics.wait(sleeper, 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): Holder | null {
  try {
    const value = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.at === 'number' ? { pid: value.pid, at: value.at } : null;
  } catch {
    return null;
  }
}

function modifiedAt(file: string): number | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}

function remove(file: string): boolean {
  try {
    fs.rmSync(file, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding `lockPath`. Another process holding it is waited for; a lock left by a
 * dead process, an old one, or a disk that refuses lock files, does not stop `fn` from running.
 */
export function withFileLock<T>(lockPath: string, fn: () => T, opts: LockOptions = {}): T {
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  const staleMs = opts.staleMs ?? 10 * 60_000;
  const pollMs = opts.pollMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let fd: number | null = null;

  try {
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  } catch {
    return fn();
  }

  while (fd === null) {
    try {
      fd = fs.openSync(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return fn();
      const holder = readHolder(lockPath);
      const since = holder?.at ?? modifiedAt(lockPath);
      if (since === undefined) {
        // Usually released between our open and our look: try again at once, but never spin forever.
        if (Date.now() >= deadline) return fn();
        sleep(1);
        continue;
      }
      // A lock without a pid is a peer between open and write; only a few seconds of that is believable.
      const abandoned = holder === null ? Date.now() - since > 5_000 : !isAlive(holder.pid) || Date.now() - since > staleMs;
      if (abandoned) {
        if (!remove(lockPath)) return fn();
        continue;
      }
      if (Date.now() >= deadline) return fn();
      sleep(pollMs);
    }
  }

  try {
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, at: Date.now() } satisfies Holder));
    return fn();
  } finally {
    fs.closeSync(fd);
    // Only remove the lock if it is still ours (a peer may have judged it stale and taken over).
    const holder = readHolder(lockPath);
    if (holder === null || holder.pid === process.pid) remove(lockPath);
  }
}
