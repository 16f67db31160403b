// Types for server/bundle.cjs (plain JavaScript: `npm start` requires it before anything is compiled).
export declare const MARK: string;
export declare function bundleFile(cwd: string, distDir: string): string;
export declare function freshBundle(file: string, project?: string): string | null;
export declare function writeBundle(file: string, project?: string): Promise<{ sources: number; bytes: number } | null>;
