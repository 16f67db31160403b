// What every stage of `npm run bench` shares: the run (where it works, its options, the rows it prints),
// its log, and the environments its builds and servers get.
import path from 'node:path';
import type { BenchOptions } from './args';
import type { CorpusPaths } from './corpus';
import type { BenchRow } from './report';

export function log(message: string): void {
  console.error(`bench: ${message}`);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type Run = {
  root: string;
  benchDir: string;
  options: BenchOptions;
  rows: BenchRow[];
  /** A random AUTH_SECRET for every server this run starts: `next start` in production demands one. */
  authSecret: string;
};

export function rel(run: Run, p: string): string {
  return path.relative(run.root, p) || '.';
}

export function buildEnv(run: Run, paths: CorpusPaths): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: rel(run, paths.corpusDir),
    NEXT_DIST_DIR: rel(run, paths.distDir),
    NEXT_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  if (run.options.prerender !== null) env.PRERENDER_ARTICLES = String(run.options.prerender);
  return env;
}

/** The site's env plus a database of its own under .bench/, so the bench never opens the developer's .data/. */
export function serverEnv(run: Run, paths: CorpusPaths): NodeJS.ProcessEnv {
  return {
    ...buildEnv(run, paths),
    DATA_DIR: rel(run, path.join(run.benchDir, `data-serve-${paths.size}`)),
    DATABASE_URL: '',
    AUTH_SECRET: run.authSecret,
    AUTH_TRUST_HOST: '1',
  };
}

export function logFile(run: Run, name: string): string {
  return path.join(run.benchDir, 'logs', `${name}.log`);
}
