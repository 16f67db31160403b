// Search for /search: queries the site index file the content index has open (lib/content/site-db.ts), so
// there is nothing to load or build at start-up, and scheduled articles become findable at their time
// because every query leaves out what is not yet published.
import { getConfig } from '@/lib/config';
import { getContentIndex } from '@/lib/content/index';
import { planQuery } from './plan-query';
import { runQuery, type PageOptions, type SearchIndex, type SearchPage } from './run-query';

/** The search index of the process-wide content index. */
export function getSearchIndex(): SearchIndex {
  const content = getContentIndex();
  return { db: content.db, now: content.now };
}

/** `/search?q=`: one page of results for `query`, with the site's page size unless told otherwise. */
export function searchArticles(query: string, options: PageOptions = {}): SearchPage {
  const plan = planQuery(query);
  const pageSize = options.pageSize ?? getConfig().pageSize;
  if (plan.units.length === 0) {
    return {
      query: plan.text,
      total: 0,
      more: false,
      page: 1,
      pageSize,
      totalPages: 1,
      hits: [],
      partial: false,
      tookMs: 0,
    };
  }
  return runQuery(getSearchIndex(), plan, { page: options.page, pageSize });
}
