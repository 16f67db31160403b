// The server's search thread (search-worker.ts): started on the first search, one per server process,
// with its own connection to the same index file; a thread pool of one (thread-pool.mjs, which `npm start`'s
// threads for result pages use too). Requests carry the server's clock, so scheduled articles become
// findable at the same moment as everywhere else. If the thread cannot start (a runtime without worker
// threads, a test runner that cannot load its code) or dies too often, searches run on the calling thread
// instead: slower under load, never wrong.
import { Worker } from 'node:worker_threads';
import type { SearchPage } from './run-query';
import { createThreadPool, type ThreadPool } from './thread-pool.mjs';

export type SearchRequest = { id: number; query: string; page: number; pageSize: number; now: number };
export type SearchReply = { id: number; result: SearchPage } | { id: number; error: string };

let current: { dbFile: string; pool: ThreadPool } | null = null;

/**
 * Runs a search on the search thread for the index file `dbFile`; null when there is no thread (the
 * caller searches itself). A new index file (another build) gets a new thread.
 */
export function searchOnThread(dbFile: string, request: Omit<SearchRequest, 'id'>): Promise<SearchPage> | null {
  if (current && current.dbFile !== dbFile) {
    void current.pool.close();
    current = null;
  }
  current ??= {
    dbFile,
    pool: createThreadPool({
      start: () => new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: { dbFile } }),
      name: 'search thread',
      // A thread's own error is logged by the search that it failed (service.ts).
      log: (message, error) => {
        if (error === undefined) console.warn(`search: ${message}`);
      },
    }),
  };
  const asked = current.pool.ask<{ result: SearchPage }>(request);
  return asked ? asked.then((reply) => reply.result) : null;
}
