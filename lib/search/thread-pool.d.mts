// Types for lib/search/thread-pool.mjs (plain JavaScript: `npm start`'s server imports it uncompiled).
import type { Worker } from 'node:worker_threads';

export type ThreadPool = {
  /** The thread's reply to `message` (an id added), or null when no thread can run here. */
  ask<Reply = unknown>(message: Record<string, unknown>): Promise<Reply> | null;
  stats(): { starts: number; failed: number; threads: number };
  close(): Promise<void>;
};
export declare function createThreadPool(options: {
  start: () => Worker;
  threads?: number;
  timeoutMs?: number;
  maxFailures?: number;
  name: string;
  log?: (message: string, error?: unknown) => void;
}): ThreadPool;
