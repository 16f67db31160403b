// Lets parallel Next.js build workers build the content index once and share it: the first takes the
// lock (lib/locks/lock-file.mjs) and parses, the others wait and then read its cache.
import fs from 'node:fs';
import path from 'node:path';
import { tryTakeLock, type HeldLock } from '@/lib/locks/lock-file.mjs';

export type LockOptions = {
  /** Give up waiting after this long and run anyway: a stuck peer must never hang the build. */
  timeoutMs?: number;
  pollMs?: number;
};

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  // The index is built synchronously (pages ask for it from sync code), so waiting must be sync too.
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Takes `lockPath`, waiting while another live process holds it; a lock left by a dead process is taken
 * over. Null when the disk refuses lock files or the holder outlives `timeoutMs`: the caller goes on
 * without it (a stuck peer must never hang the build).
 */
export function takeFileLock(lockPath: string, opts: LockOptions = {}): HeldLock | null {
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  const pollMs = opts.pollMs ?? 50;
  try {
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  } catch {
    return null;
  }
  for (;;) {
    let result;
    try {
      result = tryTakeLock(lockPath);
    } catch {
      return null;
    }
    if (result.taken) return result.lock;
    if (Date.now() >= deadline) return null;
    sleep(pollMs);
  }
}

/**
 * Runs `fn` while holding `lockPath`. Another live process holding it is waited for; a lock left by a
 * dead process is taken over; a disk that refuses lock files, or a holder that never lets go, does not
 * stop `fn` from running.
 */
export function withFileLock<T>(lockPath: string, fn: () => T, opts: LockOptions = {}): T {
  const lock = takeFileLock(lockPath, opts);
  try {
    return fn();
  } finally {
    lock?.release();
  }
}
