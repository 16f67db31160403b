// Types for scripts/warm-code-cache.mjs (plain JavaScript: scripts/build.mjs runs before anything is compiled).
export declare function npmStartNodeFlags(cwd: string): string[];
export declare function entriesUnder(dir: string): string[];
export declare function removeAddedSince(dir: string, before: string[]): number;
export declare function warmPaths(cwd: string, distDir: string): string[];
