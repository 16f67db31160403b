// Types for scripts/serve.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
import type { Server } from 'node:http';

export declare function responseCacheBytes(env: Record<string, string | undefined>): number;
export declare function listenOptions(args: string[], env: Record<string, string | undefined>): { port: number; hostname: string | undefined } | null;
export declare function serveNext(options: { dir: string; port: number; hostname?: string; cacheBytes: number }): Promise<Server>;
