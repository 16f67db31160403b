// Types for lib/db/pglite-lock.mjs (plain JavaScript so `npm start` can use it before anything is compiled).
import type { HeldLock } from '../locks/lock-file.d.mts';

export declare class DatabaseLockedError extends Error {
  readonly folder: string;
  readonly holderPid: number;
  readonly lockFile: string;
  constructor(folder: string, holderPid: number, lockFile: string);
}

export type FolderLock = HeldLock;

export declare function lockFileFor(folder: string): string;
export declare function realFolder(dataDir: string): string;
export declare function lockFolder(folder: string): FolderLock;
