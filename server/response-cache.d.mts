// Types for server/response-cache.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const ENTRY_OVERHEAD_BYTES: number;
export declare function hasOwnQuery(url: string): boolean;
export declare function mayUseCache(req: IncomingMessage): boolean;
export declare function headerText(value: string | string[] | number | undefined): string;
export type CacheRequest = { method: string; url: string; headers: Record<string, string> };
export declare function snapshotRequest(req: IncomingMessage): CacheRequest;
export type ResponseCache = {
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    next: (req: IncomingMessage, res: ServerResponse) => unknown,
  ): unknown;
  stats(): {
    hits: number;
    misses: number;
    stored: number;
    bypassed: number;
    /** Misses not kept: the first ask of an address with a query of its own. */
    firstAsks: number;
    entries: number;
    urls: number;
    bytes: number;
  };
  clear(): void;
};
export declare function createResponseCache(options?: {
  maxBytes?: number;
  maxEntryBytes?: number;
  now?: () => number;
}): ResponseCache;
