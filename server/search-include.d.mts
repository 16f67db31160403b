// Types for server/search-include.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export declare const SHELL_TTL_MS: number;
export type LocalAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer };
export type ResultsAnswer = { html: string; title: string; address: string };
export declare function isSearchDocument(req: IncomingMessage): boolean;
export declare function acceptsGzip(header: string): boolean;
export type SearchInclude = {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  stats(): { included: number; passed: number; fromThread: number };
  clear(): void;
};
export declare function createSearchInclude(options: {
  fetchLocal: (path: string) => Promise<LocalAnswer>;
  answerLocal?: (search: string) => Promise<ResultsAnswer | null>;
  now?: () => number;
}): SearchInclude;
