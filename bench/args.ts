// Command-line options of `npm run bench`: node:util's parseArgs reads them, strictly, so a typo fails
// before minutes of building; this file only says what each value may be.
import { parseArgs } from 'node:util';

export const STAGES = ['build', 'serve', 'rps', 'hooks'] as const;
export type Stage = (typeof STAGES)[number];

export type BenchOptions = {
  sizes: number[];
  /** Reuse `.bench/corpus-N` and `.bench/next-N` from an earlier run instead of generating and building. */
  skipBuild: boolean;
  /** Also time a second build over the first one's caches. */
  rebuild: boolean;
  stages: Set<Stage>;
  /** Hook names to run; empty means every registered hook (when the hooks stage runs). */
  hooks: string[];
  /** Corpus generator seed; null means the generator's own default. */
  seed: number | null;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /** Mean seconds between one reader's bookmark toggles in the open-loop bookmark bench. */
  toggleIntervalSec: number;
  prerender: number | null;
  help: boolean;
};

export const USAGE = `Usage: npm run bench -- [options]

  --sizes 1000,10000     corpus sizes to build and measure (default 1000,10000). 100000 works too: on
                         2 cores it takes ~25 s to generate (834 MiB), 4.5–5.5 min to build clean (peak
                         ~2 GiB, 3.3 GiB of site index), ~0.7 min to rebuild after adding 100 articles, ~2 min
                         for the serve stage's 1,000 distinct old articles, ~15 min for the hooks (the
                         formats hook parses every body once more on one thread); ~30 min in all
  --skip-build           reuse .bench/corpus-N and .bench/next-N from an earlier run
  --no-rebuild           skip the second build (after adding 100 new articles to the corpus)
  --only LIST            stages and/or hooks to run: build, serve, rps, hooks, or a hook name
                         (comma-separated; default: everything)
  --seed N               corpus generator seed (default: the generator's DEFAULT_SEED)
  --duration S           seconds of load per requests/second run (default 10)
  --warmup S             seconds of warm-up load before each run (default 3)
  --connections N        concurrent connections for load runs, and readers for the bookmark bench (default 50)
  --toggle-interval S    bookmark bench: mean seconds between one reader's toggles (default 1)
  --prerender N          PRERENDER_ARTICLES for the builds (default: the app's own default)
  --help                 this text
`;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

function number(flag: string, raw: string, { integer = true, allowZero = false } = {}): number {
  const n = Number(raw);
  const ok =
    raw.trim() !== '' && Number.isFinite(n) && (allowZero ? n >= 0 : n > 0) && (!integer || Number.isInteger(n));
  if (!ok)
    throw new ArgsError(
      `${flag}: expected a ${integer ? 'whole ' : ''}number${allowZero ? ' ≥ 0' : ' > 0'}, got "${raw}"`,
    );
  return n;
}

function parseSizes(raw: string): number[] {
  const sizes = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(part);
      const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
      if (!Number.isInteger(n) || n <= 0)
        throw new ArgsError(`--sizes: "${part}" is not a positive whole number (1000 or 1k)`);
      return n;
    });
  if (sizes.length === 0) throw new ArgsError('--sizes needs at least one size');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function parseOnly(raw: string, knownHooks: string[]): { stages: Set<Stage>; hooks: string[] } {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const stages = new Set<Stage>();
  const hooks: string[] = [];
  for (const name of names) {
    if ((STAGES as readonly string[]).includes(name)) stages.add(name as Stage);
    else if (knownHooks.includes(name)) {
      stages.add('hooks');
      hooks.push(name);
    } else
      throw new ArgsError(`--only: unknown stage or hook "${name}" (known: ${[...STAGES, ...knownHooks].join(', ')})`);
  }
  // Naming the hooks stage itself runs every hook.
  return { stages, hooks: names.includes('hooks') ? [] : hooks };
}

/** `knownHooks` lets `--only bookmarks` name a hook; anything else unknown is an error. */
export function parseBenchArgs(argv: string[], knownHooks: string[] = []): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: 'string' },
        size: { type: 'string' },
        'skip-build': { type: 'boolean' },
        'no-rebuild': { type: 'boolean' },
        only: { type: 'string' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        'toggle-interval': { type: 'string' },
        prerender: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) throw new ArgsError(`unknown option "${unknown}"\n\n${USAGE}`);
    throw new ArgsError(
      /argument missing/.test(message) ? `${message.replace(/^Option '([^']+)'.*/, '$1')} needs a value` : message,
    );
  }
  const only = values.only === undefined ? null : parseOnly(values.only, knownHooks);
  const sizes = values.sizes ?? values.size;
  return {
    sizes: sizes === undefined ? [1000, 10000] : parseSizes(sizes),
    skipBuild: values['skip-build'] ?? false,
    rebuild: !values['no-rebuild'],
    stages: only?.stages ?? new Set(STAGES),
    hooks: only?.hooks ?? [],
    seed: values.seed === undefined ? null : number('--seed', values.seed, { allowZero: true }),
    durationSec: values.duration === undefined ? 10 : number('--duration', values.duration, { integer: false }),
    warmupSec: values.warmup === undefined ? 3 : number('--warmup', values.warmup, { integer: false, allowZero: true }),
    connections: values.connections === undefined ? 50 : number('--connections', values.connections),
    toggleIntervalSec:
      values['toggle-interval'] === undefined
        ? 1
        : number('--toggle-interval', values['toggle-interval'], { integer: false }),
    prerender: values.prerender === undefined ? null : number('--prerender', values.prerender, { allowZero: true }),
    help: values.help ?? false,
  };
}
