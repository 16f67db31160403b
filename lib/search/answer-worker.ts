// `npm start`'s search thread for result pages (server/search-answer.mjs starts it from the build's bundle of
// this file): given a result page's query string, it searches the build's site index and renders the
// results region, so the server puts a result page together without asking Next for anything but the
// page's shell. The same search (run-query.ts) and HTML (results-html.ts) as /search and /search/results;
// only the way there is shorter: no loopback request, no routing, no web streams on the main thread,
// and the results' HTML made on this thread, beside it.
//
// It answers nothing (null) where Next would not read the build's index file as it is — a file compiled
// from another folder, time zone or format, or none — and the server then asks Next's /search/results.
// Scheduled articles: every request carries the server's clock, so they become findable at the same moment
// as everywhere else (and a test that moves the server's clock moves this thread's too).
import { parentPort } from 'node:worker_threads';
import { getConfig } from '@/lib/config';
import { configuredIndex, indexFileMatches } from '@/lib/content/built-index';
import { openSiteDb, type SiteDb } from '@/lib/content/site-db';
import { resultsAnswer, type ResultsAnswer } from './results-html';
import { searchIndex } from './run-query';
import { parseSearchParams } from './search-path';

/** A result page's query string, without its `?` (`q=…&page=n`), and the server's clock. */
export type AnswerRequest = { id: number; search: string; now: number };
export type AnswerReply = { id: number; answer: ResultsAnswer | null } | { id: number; error: string };

/** The build's index file, opened once; null when Next would not read it as it is. */
let db: SiteDb | null | undefined;

function buildIndex(): SiteDb | null {
  if (db === undefined) {
    const { dbFile, dir, timeZone } = configuredIndex();
    db = indexFileMatches(dbFile, dir, timeZone) ? openSiteDb(dbFile) : null;
  }
  return db;
}

/** One result page, or null when this thread cannot answer it as Next would. */
export function answerSearch(search: string, now: number): ResultsAnswer | null {
  const index = buildIndex();
  if (!index) return null;
  const config = getConfig();
  const { query, page } = parseSearchParams(new URLSearchParams(search));
  const result = searchIndex({ db: index, now: () => now }, query, { page, pageSize: config.pageSize });
  return resultsAnswer(result, query, page, config);
}

parentPort?.on('message', (request: AnswerRequest) => {
  let reply: AnswerReply;
  try {
    reply = { id: request.id, answer: answerSearch(request.search, request.now) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
