// Types for server/cache-lifetime.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
export declare function capCacheControl(value: string | undefined, limit: number | null): string | undefined;
