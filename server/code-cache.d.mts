export type CodeCache = {
  mode: 'node' | 'hook' | 'off';
  dir: string;
  stats: { hits: number; misses: number; rejected: number; skipped: number };
  /** require() resolutions answered from the build's record (resolve-cache.mjs); null when none is used. */
  resolutions?: { entries: number; hits: number } | null;
};
/** The file in a cache folder that holds its entries. */
export const PACK: string;
export function codeCacheDir(cwd?: string, distDir?: string): string;
export function flagsKey(execArgv?: string[], nodeOptions?: string): string;
export function installCodeCache(options?: {
  dir?: string;
  write?: boolean;
  env?: Record<string, string | undefined>;
}): CodeCache;
export function installedCodeCache(): CodeCache | null;
