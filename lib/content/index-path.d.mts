// Types for lib/content/index-path.mjs (plain JavaScript so next.config.mjs can import it).
export declare function indexFolderName(distDir: string): string;
export declare function siteIndexFile(distDir?: string): string;
export declare function contentFolder(env?: Record<string, string | undefined>): string;
export declare function storedDir(dir: string): string;
