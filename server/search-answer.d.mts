// Types for server/search-answer.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { ResultsAnswer } from './search-include.mjs';

export declare const MAX_FAILURES: number;
export declare const DEFAULT_THREADS: number;
export type SearchAnswerer = {
  answer(search: string): Promise<ResultsAnswer | null>;
  stats(): { answered: number; declined: number; failed: number; starts: number; threads: number };
  close(): Promise<void>;
};
export declare function createSearchAnswerer(options: {
  file: string | (() => string | null);
  timeoutMs?: number;
  project?: string;
  threads?: number;
}): SearchAnswerer;
