// Where feature benches plug into `npm run bench`: each registers a hook that gets a built corpus and a way to
// start the site.
import type { BenchOptions } from './args';
import type { BenchRow } from './report';
import type { RunningServer } from './servers';

export type BenchContext = {
  /** Articles in the corpus this hook runs against. */
  size: number;
  /** Repository root (absolute). */
  root: string;
  /** `.bench/` (absolute): put any data folder or scratch file for the hook under it. */
  benchDir: string;
  /** The synthetic content folder and the `next build` output for `size`. */
  corpusDir: string;
  distDir: string;
  options: BenchOptions;
  /**
   * Starts `next start` (or, with `via: 'npm-start'`, `npm start`: the response cache in front of Next)
   * on this corpus's build with `extraEnv` on top of the bench's own (CONTENT_DIR, NEXT_DIST_DIR…). The
   * bench stops every server a hook started once it returns.
   */
  startServer(
    label: string,
    extraEnv?: Record<string, string>,
    options?: { via?: 'next-start' | 'npm-start' },
  ): Promise<RunningServer>;
  /** A progress line on stderr. */
  log(message: string): void;
};

export type BenchHook = {
  /** Short name, also accepted by `--only`. */
  name: string;
  description: string;
  /** Which of the measured corpus sizes the hook runs against. */
  corpus: 'smallest' | 'largest';
  /** false for hooks that only read the corpus (no `next start`); default true. */
  needsBuild?: boolean;
  /** Figures for the table; `group` is filled in by the bench when left empty. */
  run(ctx: BenchContext): Promise<BenchRow[]>;
};

const hooks: BenchHook[] = [];

export function registerBench(hook: BenchHook): void {
  if (!/^[a-z][a-z0-9-]*$/.test(hook.name)) {
    throw new Error(`bench hook name "${hook.name}" must be lower-case letters, digits and dashes`);
  }
  if (hooks.some((h) => h.name === hook.name)) throw new Error(`bench hook "${hook.name}" is registered twice`);
  hooks.push(hook);
}

export function registeredBenches(): readonly BenchHook[] {
  return hooks;
}

/** The corpus size a hook runs against, among the sizes this run measures. */
export function hookSize(hook: BenchHook, sizes: number[]): number | undefined {
  const sorted = [...sizes].sort((a, b) => a - b);
  return hook.corpus === 'smallest' ? sorted[0] : sorted[sorted.length - 1];
}
