// Command-line options of `npm run bench`, parsed strictly so a typo fails before minutes of building.

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

  --sizes 1000,10000     corpus sizes to build and measure (default 1000,10000)
  --skip-build           reuse .bench/corpus-N and .bench/next-N from an earlier run
  --no-rebuild           skip the second, warm-cache build
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

function positive(flag: string, raw: string | undefined, { integer = true, allowZero = false } = {}): number {
  if (raw === undefined || raw.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
  const n = Number(raw);
  const ok = Number.isFinite(n) && (allowZero ? n >= 0 : n > 0) && (!integer || Number.isInteger(n));
  if (!ok) throw new ArgsError(`${flag}: expected a ${integer ? 'whole ' : ''}number${allowZero ? ' ≥ 0' : ' > 0'}, got "${raw}"`);
  return n;
}

function parseSizes(raw: string | undefined): number[] {
  if (raw === undefined || raw.startsWith('--')) throw new ArgsError('--sizes needs a value, e.g. --sizes 1000,10000');
  const sizes = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(part);
      const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
      if (!Number.isInteger(n) || n <= 0) throw new ArgsError(`--sizes: "${part}" is not a positive whole number (1000 or 1k)`);
      return n;
    });
  if (sizes.length === 0) throw new ArgsError('--sizes needs at least one size');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** `knownHooks` lets `--only bookmarks` name a hook; anything else unknown is an error. */
export function parseBenchArgs(argv: string[], knownHooks: string[] = []): BenchOptions {
  const options: BenchOptions = {
    sizes: [1000, 10000],
    skipBuild: false,
    rebuild: true,
    stages: new Set(STAGES),
    hooks: [],
    seed: null,
    durationSec: 10,
    warmupSec: 3,
    connections: 50,
    toggleIntervalSec: 1,
    prerender: null,
    help: false,
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };

    switch (flag) {
      case '--sizes':
      case '--size':
        options.sizes = parseSizes(value());
        break;
      case '--skip-build':
        options.skipBuild = true;
        break;
      case '--no-rebuild':
        options.rebuild = false;
        break;
      case '--only': {
        const raw = value();
        if (raw === undefined || raw.startsWith('--')) throw new ArgsError(`--only needs a value: ${[...STAGES, ...knownHooks].join(', ')}`);
        const stages = new Set<Stage>();
        const hooks: string[] = [];
        for (const name of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
          if ((STAGES as readonly string[]).includes(name)) stages.add(name as Stage);
          else if (knownHooks.includes(name)) {
            stages.add('hooks');
            hooks.push(name);
          } else throw new ArgsError(`--only: unknown stage or hook "${name}" (known: ${[...STAGES, ...knownHooks].join(', ')})`);
        }
        options.stages = stages;
        options.hooks = stages.has('hooks') && hooks.length > 0 && !raw.split(',').includes('hooks') ? hooks : [];
        break;
      }
      case '--seed':
        options.seed = positive('--seed', value(), { allowZero: true });
        break;
      case '--duration':
        options.durationSec = positive('--duration', value(), { integer: false });
        break;
      case '--warmup':
        options.warmupSec = positive('--warmup', value(), { integer: false, allowZero: true });
        break;
      case '--connections':
        options.connections = positive('--connections', value());
        break;
      case '--toggle-interval':
        options.toggleIntervalSec = positive('--toggle-interval', value(), { integer: false });
        break;
      case '--prerender':
        options.prerender = positive('--prerender', value(), { allowZero: true });
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new ArgsError(`unknown option "${arg}"\n\n${USAGE}`);
    }
  }
  return options;
}
