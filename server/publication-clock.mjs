// `npm start` keeps time for scheduled articles: it asks the site (/api/revalidate) which articles went
// live since it last looked — at start, since the build or the last publication it handled — and when
// the next one is due, then sleeps until that moment and asks again. Each answer that says articles
// went live has already expired Next's cached pages; the clock then empties the response cache too.
// Until the first answer, and while a publication is being handled, nothing may be cached
// (`limit()` is 0), so no page from before the moment can be kept past it.
// Plain JavaScript: server/serve.mjs runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';

/** setTimeout cannot wait longer than ~24.8 days; look again at least hourly anyway (cheap). */
export const MAX_SLEEP_MS = 60 * 60 * 1000;
/** Wake a moment after the scheduled instant: renders that started just before it have finished. */
export const WAKE_SLACK_MS = 1000;
/** After a failed check (server busy, starting), try again soon. */
export const RETRY_MS = 5000;

/**
 * @typedef {{ now: number, revalidated: boolean, nextPublication: number | null, count?: number, published?: Array<{ path: string }> }} Report
 * @typedef {{
 *   check: (since: number | null) => Promise<Report>,
 *   onPublished: (report: Report) => void,
 *   markerFile: string | null,
 *   initialSince: () => number | null,
 *   now?: () => number,
 *   setTimer?: (fn: () => void, ms: number) => unknown,
 *   clearTimer?: (timer: unknown) => void,
 *   log?: (message: string) => void,
 * }} ClockOptions
 */

/**
 * @param {ClockOptions} options
 */
export function createPublicationClock(options) {
  const now = options.now ?? Date.now;
  const setTimer =
    options.setTimer ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms);
      t.unref();
      return t;
    });
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(/** @type {NodeJS.Timeout} */ (t)));
  const log = options.log ?? ((m) => console.log(m));
  /** @type {number | null | undefined} undefined until the first answer */
  let next;
  let busy = false;
  /** @type {unknown} */
  let timer = null;
  let stopped = false;
  /** @type {number | null} the time of this process's last answered look */
  let lastLook = null;

  const readMarker = () => {
    if (!options.markerFile) return null;
    try {
      const value = Number(fs.readFileSync(options.markerFile, 'utf8').trim());
      return Number.isFinite(value) && value > 0 ? value : null;
    } catch {
      return null;
    }
  };
  /** @param {number} value */
  const writeMarker = (value) => {
    if (!options.markerFile) return;
    try {
      fs.mkdirSync(path.dirname(options.markerFile), { recursive: true });
      const tmp = `${options.markerFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${value}\n`);
      fs.renameSync(tmp, options.markerFile);
    } catch (error) {
      log(`[start] could not record the publication time in ${options.markerFile}: ${String(error)}`);
    }
  };

  /** @param {number} ms */
  const sleep = (ms) => {
    if (stopped) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(tick, Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
  };

  const tick = async () => {
    timer = null;
    if (stopped || busy) return;
    busy = true;
    // This process's own last look first: every process renews its own caches, whatever another wrote.
    const since = lastLook ?? readMarker() ?? options.initialSince();
    try {
      const report = await options.check(since);
      if (report.revalidated) {
        options.onPublished(report);
        const paths = (report.published ?? []).map((p) => decodeURI(p.path));
        const more = (report.count ?? paths.length) - paths.length;
        log(
          `[start] Published on schedule: ${paths.join(', ') || 'articles'}${more > 0 ? ` and ${more} more` : ''}; cached pages renewed.`,
        );
      }
      lastLook = report.now;
      writeMarker(report.now);
      next = report.nextPublication;
      busy = false;
      sleep(next === null ? MAX_SLEEP_MS : next - now() + WAKE_SLACK_MS);
    } catch (error) {
      busy = false;
      log(`[start] could not check the publication schedule (trying again in ${RETRY_MS / 1000} s): ${String(error)}`);
      sleep(RETRY_MS);
    }
  };

  return {
    /** Looks now (at start), then keeps waking at each scheduled time. */
    start() {
      stopped = false;
      return tick();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    /**
     * Seconds a shared cache may keep a page from now: until the next scheduled publication; 0 before
     * the schedule is known and while a publication is being handled or overdue; null when nothing is
     * scheduled.
     * @returns {number | null}
     */
    limit() {
      if (next === undefined || busy) return 0;
      if (next === null) return null;
      return Math.max(0, Math.floor((next - now()) / 1000));
    },
    /** The next scheduled publication as last reported (epoch ms), null for none, undefined before the first answer. */
    next: () => next,
  };
}
