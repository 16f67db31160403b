// Types for lib/content/index-path.mjs (plain JavaScript so next.config.mjs can import it).
export declare function indexFolderName(distDir: string): string;
export declare function siteIndexFile(distDir?: string): string;
export declare function contentFolder(env?: Record<string, string | undefined>): string;
export declare function storedDir(dir: string): string;
export declare const INDEX_PARSED_MESSAGE: 'hutong:index-parsed';
export declare const INDEX_STEP_LOCK_ENV: 'HUTONG_INDEX_STEP_LOCK';
