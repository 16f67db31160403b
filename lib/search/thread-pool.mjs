// Worker threads that answer requests by id: the one mechanism behind Next's search thread (search-thread.ts)
// and `npm start`'s threads for result pages (server/search-answer.mjs). No thread until the first request;
// another only while every thread is busy, up to `threads`. A request is posted with an `id` added, and the
// thread replies `{ id, error }` (a failure of that request) or `{ id, ... }` (its answer, handed back whole).
//
// A thread that fails or exits before it ever answered cannot run here (its code or a package fails to
// load): the pool stops trying, and ask() says null from then on, so the caller does the work another way.
// One that answered and then died, or that did not answer in `timeoutMs` (it is taken out at once and
// stopped, and what waited behind it fails), is replaced by a later request, `maxFailures` times in all.
// Plain JavaScript: `npm start`'s server runs before anything is compiled.

/**
 * @typedef {import('node:worker_threads').Worker} Worker
 * @typedef {{ resolve: (reply: any) => void, reject: (error: Error) => void, timer: NodeJS.Timeout }} Pending
 * @typedef {{ worker: Worker, pending: Map<number, Pending>, end: (error: Error, options?: { timedOut?: boolean }) => void }} Thread
 */

/**
 * @param {{ start: () => Worker, threads?: number, timeoutMs?: number, maxFailures?: number, name: string, log?: (message: string, error?: unknown) => void }} options
 *   start: a new thread (it may throw: then the pool stops trying); name: how log lines call a thread
 */
export function createThreadPool({
  start: startWorker,
  threads: maxThreads = 1,
  timeoutMs = 10_000,
  maxFailures = 5,
  name,
  log = (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
}) {
  /** @type {Thread[]} */
  const threads = [];
  /** Set once a thread failed before it answered anything, or after maxFailures: ask() says null from then on. */
  let unavailable = false;
  let failures = 0;
  let nextId = 1;
  const stats = { starts: 0, failed: 0 };

  /** @param {Thread} thread @param {Error} error */
  const rejectAll = (thread, error) => {
    for (const [id, waiting] of thread.pending) {
      clearTimeout(waiting.timer);
      thread.pending.delete(id);
      waiting.reject(error);
    }
  };

  /** @returns {Thread | null} */
  const start = () => {
    /** @type {Worker} */
    let worker;
    try {
      worker = startWorker();
    } catch (error) {
      unavailable = true;
      log(`no ${name} (${error instanceof Error ? error.message : error})`);
      return null;
    }
    stats.starts++;
    // An idle thread must not keep the process alive.
    worker.unref();
    let answered = false;
    /** Out of the pool, its requests failed: once, whichever comes first (an error, its exit, a timeout). */
    const ended = (/** @type {Error} */ error, { timedOut = false } = {}) => {
      const at = threads.indexOf(thread);
      if (at === -1) return;
      threads.splice(at, 1);
      if (!answered && !timedOut) unavailable = true;
      else if (++failures >= maxFailures && !unavailable) {
        unavailable = true;
        log(`the ${name} stopped ${maxFailures} times: not started again`);
      }
      rejectAll(thread, error);
    };
    /** @type {Thread} */
    const thread = { worker, pending: new Map(), end: ended };
    worker.on('message', (/** @type {{ id: number, error?: string }} */ reply) => {
      answered = true;
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      clearTimeout(waiting.timer);
      if (typeof reply.error === 'string') waiting.reject(new Error(`${name}: ${reply.error}`));
      else waiting.resolve(reply);
    });
    worker.on('error', (error) => {
      log(`the ${name} failed:`, error);
      ended(new Error(`${name} failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => ended(new Error(`${name} exited with code ${code}`)));
    threads.push(thread);
    return thread;
  };

  /** The thread with the least to do; a new one while every thread is busy and there may be more. */
  const pick = () => {
    let best = threads[0] ?? null;
    for (const thread of threads) if (best && thread.pending.size < best.pending.size) best = thread;
    if (best && (best.pending.size === 0 || threads.length >= maxThreads)) return best;
    return start() ?? best;
  };

  return {
    /**
     * Posts `message` (with an id added) to a thread; its reply, or null when no thread can run here.
     * @param {Record<string, unknown>} message
     * @returns {Promise<any> | null}
     */
    ask(message) {
      const thread = unavailable ? null : pick();
      if (!thread) return null;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          thread.pending.delete(id);
          reject(new Error(`the ${name} did not answer in ${timeoutMs / 1000} s`));
          // Stuck (a request that never ends) or far behind: out of the pool at once, and stopped.
          log(`a ${name} did not answer in ${timeoutMs / 1000} s: stopping it`);
          thread.end(new Error(`the ${name} was stopped after ${timeoutMs / 1000} s without an answer`), {
            timedOut: true,
          });
          void thread.worker.terminate();
        }, timeoutMs);
        timer.unref();
        thread.pending.set(id, { resolve, reject, timer });
        thread.worker.postMessage({ ...message, id });
      }).catch((/** @type {Error} */ error) => {
        stats.failed++;
        throw error;
      });
    },
    stats: () => ({ ...stats, threads: threads.length }),
    /** Stops every thread; ask() says null from then on. */
    async close() {
      unavailable = true;
      const stopping = threads.splice(0);
      for (const thread of stopping) rejectAll(thread, new Error(`the ${name} was stopped`));
      await Promise.all(stopping.map((thread) => thread.worker.terminate()));
    },
  };
}
