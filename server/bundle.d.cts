// Types for server/bundle.cjs (plain JavaScript: `npm start` requires it before anything is compiled).
export declare const MARK: string;
export declare const BUNDLES: { readonly 'server.cjs': string; readonly 'search-answer.cjs': string };
export type BundleName = keyof typeof BUNDLES;
export declare function bundleFile(cwd: string, distDir: string, name?: BundleName): string;
export declare function freshBundle(file: string, project?: string): string | null;
export declare function writeBundle(
  file: string,
  project?: string,
  entry?: string,
): Promise<{ sources: number; bytes: number } | null>;
