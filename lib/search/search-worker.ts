// The search thread: answers /search queries over its own read-only connection to the site index, so a
// search (FTS5 statements, ranking, snippets: ~5 ms, up to ~30 ms at 100,000 articles) never holds up the
// server's main thread, where every other request is rendered, and runs on another core.
import { parentPort, workerData } from 'node:worker_threads';
import { openSiteDb } from '@/lib/content/site-db';
import { searchIndex } from './run-query';
import type { SearchReply, SearchRequest } from './search-thread';

const { dbFile } = workerData as { dbFile: string };
const db = openSiteDb(dbFile);

parentPort?.on('message', (request: SearchRequest) => {
  let reply: SearchReply;
  try {
    const result = searchIndex({ db, now: () => request.now }, request.query, {
      page: request.page,
      pageSize: request.pageSize,
    });
    reply = { id: request.id, result };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
