// `npm start`'s search thread for result pages: lib/search/answer-worker.ts, run from the build's bundle of it
// (server/bundle.cjs), searches and renders one page of results for server/search-include.mjs, which puts
// them into the page's shell. Before it, every result page cost a loopback request to Next's
// /search/results — Next's routing, web streams and an HTTP client and server on the main thread, which
// every other request shares.
//
// Started on the first search, not at start-up (a fresh server answers its first reader no later for it),
// and only while its bundle matches the sources it was made from; a second thread (up to one per core)
// only while every thread is busy. answer() says null — ask Next instead — when there is no such bundle,
// when a thread cannot start, or when it finds the index file is not the one Next reads. A thread that
// answered and then died, or that did not answer in time (it is stopped), is replaced by a later search,
// MAX_FAILURES times in all; one that failed before it ever answered is not tried again.
// Plain JavaScript: server/start.mjs runs before anything is compiled.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import bundle from './bundle.cjs';

/** Threads that may end unasked (crash, exit) in one server's life: past that, Next answers every search. */
export const MAX_FAILURES = 5;

/**
 * How many threads search at most: one per core. A second starts only while every thread is busy, so a
 * server with a search now and then has one, and one under a flood of searches uses every core.
 */
export const DEFAULT_THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

/**
 * @typedef {{ html: string, title: string, address: string }} ResultsAnswer
 * @typedef {{ resolve: (answer: ResultsAnswer | null) => void, reject: (error: Error) => void, timer: NodeJS.Timeout }} Pending
 * @typedef {{ worker: Worker, pending: Map<number, Pending>, end: (error: Error, options?: { timedOut?: boolean }) => void }} Thread
 */

/**
 * @param {{ file: string | (() => string | null), timeoutMs?: number, project?: string, threads?: number }} options
 *   file: the bundle (its freshness is checked at the first search), or a function naming it (null: none);
 *   threads: how many search at most (DEFAULT_THREADS)
 */
export function createSearchAnswerer({ file, timeoutMs = 10_000, project, threads: maxThreads = DEFAULT_THREADS }) {
  /** @type {string | null | undefined} undefined until the first search looked */
  let runnable;
  /** @type {Thread[]} */
  const threads = [];
  /** Set once a thread failed before it answered anything, or after MAX_FAILURES: Next answers from then on. */
  let unavailable = false;
  let failures = 0;
  let nextId = 1;
  const stats = { answered: 0, declined: 0, failed: 0, starts: 0 };

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
    if (runnable === undefined) {
      const named = typeof file === 'function' ? file() : file;
      runnable = named ? bundle.freshBundle(named, project) : null;
    }
    if (!runnable || unavailable) return null;
    /** @type {Worker} */
    let worker;
    try {
      worker = new Worker(runnable);
    } catch (error) {
      unavailable = true;
      console.error(
        `[start] no search thread (${error instanceof Error ? error.message : error}): Next answers searches`,
      );
      return null;
    }
    stats.starts++;
    // An idle search thread must not keep the process alive.
    worker.unref();
    let answered = false;
    /** Out of the pool, its searches failed: once, whichever comes first (an error, its exit, a timeout). */
    const ended = (/** @type {Error} */ error, { timedOut = false } = {}) => {
      const at = threads.indexOf(thread);
      if (at === -1) return;
      threads.splice(at, 1);
      // A thread that failed or exited before it answered anything cannot run here (its code or a package
      // fails to load): stop trying. One that worked and then died, or was stopped for taking too long, is
      // started again by a later search, MAX_FAILURES times in all.
      if (!answered && !timedOut) unavailable = true;
      else if (++failures >= MAX_FAILURES && !unavailable) {
        unavailable = true;
        console.error(`[start] the search thread stopped ${MAX_FAILURES} times: Next answers searches from now on`);
      }
      rejectAll(thread, error);
    };
    /** @type {Thread} */
    const thread = { worker, pending: new Map(), end: ended };
    worker.on('message', (/** @type {{ id: number, answer?: ResultsAnswer | null, error?: string }} */ reply) => {
      answered = true;
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      clearTimeout(waiting.timer);
      if (typeof reply.error === 'string') waiting.reject(new Error(`search thread: ${reply.error}`));
      else waiting.resolve(reply.answer ?? null);
    });
    worker.on('error', (error) => {
      console.error('[start] the search thread failed:', error);
      ended(new Error(`search thread failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => ended(new Error(`search thread exited with code ${code}`)));
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

  /**
   * One result page for a query string (`q=…&page=n`, without `?`); null when Next should answer it.
   * Rejects when the thread failed on this search (Next answers it then, too).
   * @param {string} search
   * @returns {Promise<ResultsAnswer | null>}
   */
  const answer = (search) => {
    const thread = unavailable ? null : pick();
    if (!thread) {
      stats.declined++;
      return Promise.resolve(null);
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        thread.pending.delete(id);
        reject(new Error(`the search thread did not answer in ${timeoutMs / 1000} s`));
        // Stuck (a search that never ends) or far behind: out of the pool at once, its other searches go
        // to Next, and a new thread takes the next ones. It counts as a thread that ended unasked.
        console.error(`[start] a search thread did not answer in ${timeoutMs / 1000} s: stopping it`);
        thread.end(new Error(`the search thread was stopped after ${timeoutMs / 1000} s without an answer`), {
          timedOut: true,
        });
        void thread.worker.terminate();
      }, timeoutMs);
      timer.unref();
      thread.pending.set(id, { resolve, reject, timer });
      // The server's clock: scheduled articles are found from the same moment as its pages show them.
      thread.worker.postMessage({ id, search, now: Date.now() });
    }).then(
      (/** @type {ResultsAnswer | null} */ got) => {
        if (got) stats.answered++;
        else stats.declined++;
        return got;
      },
      (/** @type {Error} */ error) => {
        stats.failed++;
        throw error;
      },
    );
  };

  return {
    answer,
    stats: () => ({ ...stats, threads: threads.length }),
    /** Stops the threads (tests; a server that closes). */
    async close() {
      unavailable = true;
      const stopping = threads.splice(0);
      for (const thread of stopping) rejectAll(thread, new Error('the search thread was stopped'));
      await Promise.all(stopping.map((thread) => thread.worker.terminate()));
    },
  };
}
