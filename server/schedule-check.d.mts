// Types for server/schedule-check.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { LocalAnswer } from './search-include.mjs';

export type FetchLocal = (
  pathname: string,
  options?: { headers?: Record<string, string>; timeoutMs?: number },
) => Promise<LocalAnswer>;
export type Report = {
  now: number;
  revalidated: boolean;
  nextPublication: number | null;
  published?: Array<{ path: string }>;
};
export declare function scheduleCheck(options: {
  indexFile: string;
  contentDir: string;
  secret: string;
  fetchLocal: FetchLocal;
}): (since: number | null) => Promise<Report>;
export declare function readSchedule(
  indexFile: string,
  contentDir: string,
  since: number,
  now: number,
): { live: number; nextPublication: number | null } | null;
