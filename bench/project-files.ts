// `next build` with a custom distDir rewrites tsconfig.json (adds `<distDir>/types` includes) and next-env.d.ts
// (imports `<distDir>/types/routes.d.ts`); a bench build must put both back, or everyone's type-check follows .bench/.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export const NEXT_TOUCHED_FILES = ['tsconfig.json', 'next-env.d.ts'] as const;

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** tsconfig as it would be without the include lines Next.js added for `distDir`. */
function withoutDistIncludes(config: unknown, distDir: string): unknown {
  if (typeof config !== 'object' || config === null || !('include' in config)) return config;
  const include = (config as { include: unknown }).include;
  if (!Array.isArray(include)) return config;
  return {
    ...config,
    include: include.filter((entry) => !(typeof entry === 'string' && entry.startsWith(`${distDir}/`))),
  };
}

/**
 * Whether `now` differs from `before` only by what Next.js writes for `distDir` (its JSON
 * re-formatting included), so restoring cannot undo a teammate's edit made during the build.
 */
export function onlyNextChanges(
  file: 'tsconfig.json' | 'next-env.d.ts',
  before: string | null,
  now: string,
  distDir: string,
): boolean {
  if (file === 'next-env.d.ts') return now.includes(`./${distDir}/types/`);
  if (before === null) return false;
  const a = parseJson(before);
  const b = parseJson(now);
  return (
    a !== undefined &&
    b !== undefined &&
    isDeepStrictEqual(withoutDistIncludes(a, distDir), withoutDistIncludes(b, distDir))
  );
}

export type Restorer = {
  /** Puts back what Next.js changed; returns the files restored and those left alone (changed by someone else). */
  restore(): { restored: string[]; kept: string[] };
};

/** Snapshot before a build with `distDir` (relative to `root`, forward slashes); restore after it. */
export function guardNextTouchedFiles(root: string, distDir: string): Restorer {
  const dist = distDir.split(path.sep).join('/').replace(/\/+$/, '');
  const before = new Map(NEXT_TOUCHED_FILES.map((f) => [f, read(path.join(root, f))]));
  return {
    restore() {
      const restored: string[] = [];
      const kept: string[] = [];
      for (const file of NEXT_TOUCHED_FILES) {
        const full = path.join(root, file);
        const was = before.get(file) ?? null;
        const now = read(full);
        if (now === was || now === null) continue;
        if (!onlyNextChanges(file, was, now, dist)) {
          kept.push(file);
          continue;
        }
        if (was === null) fs.rmSync(full, { force: true });
        else fs.writeFileSync(full, was);
        restored.push(file);
      }
      return { restored, kept };
    },
  };
}
