// `npm start`'s search thread for result pages: lib/search/answer-worker.ts, run from the build's bundle of it
// (server/bundle.cjs), searches and renders one page of results for server/search-include.mjs, which puts
// them into the page's shell. Before it, every result page cost a loopback request to Next's
// /search/results — Next's routing, web streams and an HTTP client and server on the main thread, which
// every other request shares.
//
// Started on the first search, not at start-up (a fresh server answers its first reader no later for it),
// and only while its bundle matches the sources it was made from; a second thread (up to one per core)
// only while every thread is busy — the thread pool Next's own search thread uses too
// (lib/search/thread-pool.mjs: a thread that dies or hangs is replaced, MAX_FAILURES times in all; one that
// cannot load is not tried again). answer() says null — ask Next instead — when there is no such bundle,
// when no thread can run, or when the thread finds the index file is not the one Next reads.
// Plain JavaScript: server/start.mjs runs before anything is compiled.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createThreadPool } from '../lib/search/thread-pool.mjs';
import bundle from './bundle.cjs';

/** Threads that may end unasked (crash, exit, no answer in time) in one server's life: past that, Next answers every search. */
export const MAX_FAILURES = 5;

/**
 * How many threads search at most: one per core. A second starts only while every thread is busy, so a
 * server with a search now and then has one, and one under a flood of searches uses every core.
 */
export const DEFAULT_THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

/** @typedef {import('./search-include.mjs').ResultsAnswer} ResultsAnswer */

/**
 * @param {{ file: string | (() => string | null), timeoutMs?: number, project?: string, threads?: number }} options
 *   file: the bundle (its freshness is checked at the first search), or a function naming it (null: none);
 *   threads: how many search at most (DEFAULT_THREADS)
 */
export function createSearchAnswerer({ file, timeoutMs, project, threads = DEFAULT_THREADS }) {
  /** @type {string | null | undefined} undefined until the first search looked */
  let runnable;
  const pool = createThreadPool({
    start: () => new Worker(/** @type {string} */ (runnable)),
    threads,
    timeoutMs,
    maxFailures: MAX_FAILURES,
    name: 'search thread',
    log: (message, error) => console.error(`[start] ${message}`, ...(error === undefined ? [] : [error])),
  });
  const stats = { answered: 0, declined: 0 };

  /**
   * One result page for a query string (`q=…&page=n`, without `?`); null when Next should answer it.
   * Rejects when the thread failed on this search (Next answers it then, too).
   * @param {string} search
   * @returns {Promise<ResultsAnswer | null>}
   */
  const answer = async (search) => {
    if (runnable === undefined) {
      const named = typeof file === 'function' ? file() : file;
      runnable = named ? bundle.freshBundle(named, project) : null;
    }
    // The server's clock: scheduled articles are found from the same moment as its pages show them.
    const asked = runnable ? pool.ask({ search, now: Date.now() }) : null;
    const got = asked ? /** @type {{ answer: ResultsAnswer | null }} */ (await asked).answer : null;
    if (got) stats.answered++;
    else stats.declined++;
    return got;
  };

  return {
    answer,
    stats: () => ({ ...stats, ...pool.stats() }),
    /** Stops the threads (tests; a server that closes). */
    close: pool.close,
  };
}
