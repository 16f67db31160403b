// The server's search thread (search-worker.ts): started on the first search, one per server process,
// with its own connection to the same index file. Requests carry the server's clock, so scheduled
// articles become findable at the same moment as everywhere else. If the thread cannot start (a runtime
// without worker threads) or dies, searches run on the calling thread instead: slower under load, never
// wrong.
import { Worker } from 'node:worker_threads';
import type { SearchPage } from './run-query';

export type SearchRequest = { id: number; query: string; page: number; pageSize: number; now: number };
export type SearchReply = { id: number; result: SearchPage } | { id: number; error: string };

type Pending = { resolve: (page: SearchPage) => void; reject: (error: Error) => void };

type Thread = { worker: Worker; dbFile: string; pending: Map<number, Pending> };

let thread: Thread | null = null;
let nextId = 1;
/** Set once a thread failed to start: the calling thread answers from then on. */
let unavailable = false;

function start(dbFile: string): Thread | null {
  if (unavailable) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: { dbFile } });
  } catch (error) {
    unavailable = true;
    console.warn(`search: no search thread (${(error as Error).message}); searching on the main thread`);
    return null;
  }
  // An idle search thread must not keep the process alive.
  worker.unref();
  const started: Thread = { worker, dbFile, pending: new Map() };
  let answered = false;
  const failAll = (error: Error) => {
    // A thread that never answered cannot start here (say, a test runner that cannot load its code):
    // stop trying. One that worked and then died is started again by the next search.
    if (!answered) unavailable = true;
    for (const { reject } of started.pending.values()) reject(error);
    started.pending.clear();
    if (thread === started) thread = null;
  };
  worker.on('message', (reply: SearchReply) => {
    answered = true;
    const waiting = started.pending.get(reply.id);
    if (!waiting) return;
    started.pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(`search thread: ${reply.error}`));
    else waiting.resolve(reply.result);
  });
  worker.on('error', (error) => failAll(new Error(`search thread failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`search thread exited with code ${code}`)));
  return started;
}

/**
 * Runs a search on the search thread for the index file `dbFile`; null when there is no thread (the
 * caller searches itself). A new index file (another build) gets a new thread.
 */
export function searchOnThread(dbFile: string, request: Omit<SearchRequest, 'id'>): Promise<SearchPage> | null {
  if (thread && thread.dbFile !== dbFile) {
    void thread.worker.terminate();
    thread = null;
  }
  thread ??= start(dbFile);
  if (!thread) return null;
  const current = thread;
  const id = nextId++;
  return new Promise<SearchPage>((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.postMessage({ ...request, id } satisfies SearchRequest);
  });
}
