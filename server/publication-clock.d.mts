// Types for server/publication-clock.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
export declare const MAX_SLEEP_MS: number;
export declare const WAKE_SLACK_MS: number;
export declare const RETRY_MS: number;
export type PublicationReport = {
  now: number;
  revalidated: boolean;
  nextPublication: number | null;
  count?: number;
  published?: Array<{ path: string }>;
};
export declare function createPublicationClock(options: {
  check: (since: number | null) => Promise<PublicationReport>;
  onPublished: (report: PublicationReport) => void;
  markerFile: string | null;
  initialSince: () => number | null;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  log?: (message: string) => void;
}): {
  start(): Promise<void>;
  stop(): void;
  limit(): number | null;
  next(): number | null | undefined;
};
