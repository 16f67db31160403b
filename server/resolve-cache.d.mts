// Types for server/resolve-cache.mjs (plain JavaScript: it is installed before anything is compiled).
export declare function resolutionFingerprint(cwd?: string, distDir?: string): string | null;
export declare function installResolveCache(options: {
  folder: string;
  write: boolean;
  fingerprint: string | null;
}): { entries: number; hits: number } | null;
