// The machine-wide build lock (/tmp/build.lock, flock(1)): only one `next build` or measurement at a time on 2 cores.
import type { SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import { spawnTracked, type Tracked } from './children';

export const BUILD_LOCK = '/tmp/build.lock';

/**
 * flock forks its command only once it holds the lock, so the first child appearing is the moment
 * the lock was taken. (Its --verbose note is no use for this: stdout is block-buffered into a pipe.)
 */
function hasChild(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
  } catch {
    return false;
  }
}

function whenLocked(proc: Tracked): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let done = false;
    const timer = setInterval(() => {
      if (hasChild(proc.pid)) {
        done = true;
        clearInterval(timer);
        resolve(performance.now());
      }
    }, 10);
    proc.exited.then(
      () => {
        clearInterval(timer);
        // A command quicker than one poll still ran; if flock itself failed, its message is in the
        // output and its exit code reaches the caller through `exited`.
        if (!done) resolve(performance.now());
      },
      (error: unknown) => {
        clearInterval(timer);
        reject(error);
      },
    );
  });
}

export type LockedProcess = Tracked & {
  /** Resolves with the time (performance.now()) the lock was taken and the command started. */
  started: Promise<number>;
  /** Seconds spent waiting for the lock, once `started` has resolved. */
  lockWaitSec(): number;
};

/**
 * Runs `command` under the lock. `-o` closes the lock's descriptor in the command, so a stray
 * grandchild that outlives the build cannot keep the lock held.
 */
export function spawnLocked(command: string, args: string[], options: SpawnOptions, lockFile = BUILD_LOCK): LockedProcess {
  const spawnedAt = performance.now();
  const tracked = spawnTracked('flock', ['-o', lockFile, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let waited = 0;
  const started = whenLocked(tracked).then((t) => {
    waited = (t - spawnedAt) / 1000;
    return t;
  });
  started.catch(() => undefined);
  return { ...tracked, started, lockWaitSec: () => waited };
}

/**
 * Holds the lock until `release()`, so load tests are not measured while another build eats
 * the CPU. A `cat` reading a pipe is the holder: closing the pipe ends it and frees the lock.
 */
export async function holdLock(lockFile = BUILD_LOCK): Promise<{ waitedSec: number; release(): Promise<void> }> {
  const t0 = performance.now();
  const holder = spawnTracked('flock', ['-o', lockFile, 'cat'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const lockedAt = await whenLocked(holder);
  if (holder.child.exitCode !== null) throw new Error(`flock ${lockFile} exited (${holder.child.exitCode}) instead of holding the lock`);
  return {
    waitedSec: (lockedAt - t0) / 1000,
    async release() {
      holder.child.stdin?.end();
      await holder.stop(2000);
    },
  };
}
