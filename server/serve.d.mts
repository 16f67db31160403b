// Types for server/serve.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ResponseCache } from './response-cache.mjs';
import type { LocalAnswer, SearchInclude } from './search-include.mjs';

export declare function responseCacheBytes(env: Record<string, string | undefined>): number;
export declare function searchThreads(env: Record<string, string | undefined>): number;
export declare function listenOptions(
  args: string[],
  env: Record<string, string | undefined>,
): { port: number; hostname: string | undefined };
export declare function createHandler(options: {
  dir: string;
  distDir: string;
  next: (req: IncomingMessage, res: ServerResponse) => unknown;
  cacheBytes: number;
  env: Record<string, string | undefined>;
  cacheLimit?: () => number | null;
  searchInclude?: SearchInclude | null;
}): ((req: IncomingMessage, res: ServerResponse) => void) & { cache: ResponseCache | null };
export declare function limitCacheLifetime(res: ServerResponse, limit: () => number | null): void;
export declare function serveNext(options: {
  dir: string;
  port: number;
  hostname?: string;
  cacheBytes: number;
  searchThreads?: number;
}): Promise<Server>;
export declare function fetchLocal(
  server: Server,
  pathname: string,
  options?: { headers?: Record<string, string>; timeoutMs?: number },
): Promise<LocalAnswer>;
