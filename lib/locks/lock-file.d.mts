// Types for lib/locks/lock-file.mjs (plain JavaScript so `npm start` can use it before anything is compiled).
export type LockRecord = { pid: number; startTime: string | null; createdAt: string };

export type HeldLock = {
  readonly file: string;
  /** Removes the lock if this process still holds it. Safe to call twice. */
  release(): void;
};

export type TakeResult =
  | { taken: true; lock: HeldLock }
  /** `holder` is null while another process is between creating the file and writing its record. */
  | { taken: false; holder: LockRecord | null };

export declare function procStatFields(pid: number | 'self'): string[] | null;
export declare function processStartTime(pid: number | 'self'): string | null;
export declare function isHolderAlive(record: LockRecord): boolean;
export declare function readLockRecord(file: string): LockRecord | null;
export declare function tryTakeLock(file: string): TakeResult;
