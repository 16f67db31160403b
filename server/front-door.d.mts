// Types for server/front-door.mjs (plain JavaScript so `npm start` needs no compiler), for proxy.ts and tests.
import type { IncomingMessage } from 'node:http';

export type Refusal = { status: number; title: string; detail: string; headers?: Record<string, string> };
export type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
export declare const MAX_BODY_BYTES: number;
export declare function isDecodablePath(pathname: string): boolean;
export declare function hasForeignOrigin(headers: RequestLike['headers']): boolean;
export declare function refuseRequest(req: RequestLike): Refusal | null;
export declare function refusalPage(refusal: Refusal): string;
export declare function trustedProxyHops(env: Record<string, string | undefined>): number;
export declare function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string;
export declare function settleForwardedHeaders(req: IncomingMessage, hops: number): void;
