// Types for server/start.mjs (plain JavaScript so `npm start` needs no compiler), for its tests.
export declare function resolveAuthSecret(
  env: Record<string, string | undefined>,
  cwd: string,
): { secret: string | null; source: 'env' | 'file' | 'generated' | 'missing' | 'too-short'; file: string | null };
export declare function dataFolder(env: Record<string, string | undefined>, cwd: string): string;
export declare function databaseStep(env: Record<string, string | undefined>, cwd: string): 'migrate' | 'check-lock';
export declare function main(): Promise<void>;
