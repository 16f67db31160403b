// How `npm start`'s publication clock (publication-clock.mjs) looks for articles gone live: the build's
// index file says whether any went live since the last look and when the next is due; when one did, or
// the file cannot vouch for itself, the site's scheduler route (/api/revalidate) is asked, which expires
// the cached pages (revalidatePath needs Next). Most looks — every restart, the hourly ones — find
// nothing, so readers need not wait for Next to load that route before a fresh server serves them.
// Plain JavaScript: server/serve.mjs runs before anything is compiled.
import Database from 'better-sqlite3';
import { storedDir } from '../lib/content/index-path.mjs';

/**
 * @typedef {(pathname: string, options?: { headers?: Record<string, string>, timeoutMs?: number }) => Promise<import('./search-include.mjs').LocalAnswer>} FetchLocal
 * @typedef {{ now: number, revalidated: boolean, nextPublication: number | null, published?: Array<{ path: string }> }} Report
 */

/**
 * The clock's `check`: the index file's answer when nothing went live, else the scheduler route's.
 * @param {{ indexFile: string, contentDir: string, secret: string, fetchLocal: FetchLocal }} options
 * @returns {(since: number | null) => Promise<Report>}
 */
export function scheduleCheck({ indexFile, contentDir, secret, fetchLocal }) {
  return async (since) => {
    const now = Date.now();
    const local = since === null ? null : readSchedule(indexFile, contentDir, since, now);
    if (local && local.live === 0) return { now, revalidated: false, nextPublication: local.nextPublication };
    return askSchedule(fetchLocal, since, secret);
  };
}

/**
 * What a look for publications would find, read from the build's index file: how many articles went live
 * in (since, now] and when the next one is due. Null when the file cannot say (missing, unfinished,
 * compiled from another content folder: the site then compiles its own and must be asked).
 * @param {string} indexFile
 * @param {string} contentDir
 * @param {number} since
 * @param {number} now
 * @returns {{ live: number, nextPublication: number | null } | null}
 */
export function readSchedule(indexFile, contentDir, since, now) {
  /** @type {import('better-sqlite3').Database} */
  let db;
  try {
    db = new Database(indexFile, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    const info = Object.fromEntries(
      /** @type {Array<{ key: string, value: string }>} */ (db.prepare('SELECT key, value FROM info').all()).map(
        (row) => [row.key, row.value],
      ),
    );
    if (info.state !== 'ready' || info.dir !== storedDir(contentDir)) return null;
    const live = /** @type {number} */ (
      db.prepare('SELECT count(*) FROM articles WHERE date_ms > ? AND date_ms <= ?').pluck().get(since, now)
    );
    const next = /** @type {number | null} */ (
      db.prepare('SELECT min(date_ms) FROM articles WHERE date_ms > ?').pluck().get(now)
    );
    return { live, nextPublication: next };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/**
 * Asks the server itself (over loopback, as any scheduler would) which articles went live since `since`,
 * having it expire its cached pages if any did.
 * @param {FetchLocal} fetchLocal
 * @param {number | null} since
 * @param {string} secret
 * @returns {Promise<Report>}
 */
function askSchedule(fetchLocal, since, secret) {
  const query = since === null ? '' : `?since=${Math.floor(since)}`;
  return fetchLocal(`/api/revalidate${query}`, {
    headers: { authorization: `Bearer ${secret}` },
    timeoutMs: 30_000,
  }).then(({ status, body }) => {
    const text = body.toString('utf8');
    if (status !== 200) throw new Error(`/api/revalidate answered ${status}: ${text.slice(0, 200)}`);
    return JSON.parse(text);
  });
}
