// Search for /search: queries the site index file the content index has open (lib/content/site-db.ts), so
// there is nothing to load or build at start-up, and scheduled articles become findable at their time
// because every query leaves out what is not yet published.
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { searchIndex, type PageOptions, type SearchIndex, type SearchPage } from './run-query';
import { searchOnThread } from './search-thread';

/** The search index of the process-wide content index. */
export function getSearchIndex(): SearchIndex {
  const content = getContentIndex();
  return { db: content.db, now: content.now };
}

/**
 * `/search?q=`: one page of results for `query`, with the site's page size unless told otherwise. On a
 * server it is answered by the search thread (search-thread.ts), so a search neither blocks the requests
 * being rendered meanwhile nor competes with them for the main thread; where there is no thread (an index
 * in memory, as tests build; a runtime that cannot start one) or it fails, by this thread.
 */
export async function searchArticles(query: string, options: PageOptions = {}): Promise<SearchPage> {
  const index = getSearchIndex();
  const pageSize = options.pageSize ?? getConfig().pageSize;
  const page = options.page ?? 1;
  const onThread = index.db.memory ? null : searchOnThread(index.db.name, { query, page, pageSize, now: index.now() });
  if (!onThread) return searchIndex(index, query, { page, pageSize });
  try {
    return await onThread;
  } catch (error) {
    // The thread died under this search: answer it here (the next search starts a new thread).
    console.error(error);
    return searchIndex(index, query, { page, pageSize });
  }
}
