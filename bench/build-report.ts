// The build stage's figures as `npm run bench` prints them: a row each for wall time and peak memory
// (judged against the targets at the target size), and the phases of every build.
import type { BuildResult } from './build';
import type { BenchRow } from './report';

const MiB = 1024 * 1024;

/** What a build of one corpus size must meet: wall seconds, and peak memory where one is set. */
export type BuildTarget = { size: number; sec: number; mib?: number };

export function buildRows(
  group: string,
  label: string,
  size: number,
  b: BuildResult,
  targets: BuildTarget[],
): BenchRow[] {
  // A failed build stopped early: its figures are shown but not judged.
  const target = b.ok ? targets.find((t) => t.size === size) : undefined;
  const slowest = [...b.phases].sort((x, y) => y.seconds - x.seconds)[0];
  return [
    {
      group,
      metric: `${label}: wall time`,
      value: b.wallSec,
      unit: 's',
      ...(target ? { target: { op: '<' as const, limit: target.sec } } : {}),
      note: b.ok
        ? slowest
          ? `longest phase: ${slowest.name} ${slowest.seconds.toFixed(1)} s`
          : undefined
        : `build failed (exit ${b.exitCode})`,
    },
    {
      group,
      metric: `${label}: peak memory`,
      value: b.peakRssBytes / MiB,
      unit: 'MiB',
      ...(target?.mib !== undefined ? { target: { op: '<' as const, limit: target.mib } } : {}),
      note: `sum of VmRSS over up to ${b.peakProcesses} processes`,
    },
  ];
}

/** The second build: the issue's "rebuild after adding 100 articles to a built 100,000". */
export const ADDED_BEFORE_REBUILD = 100;
export const REBUILD_LABEL = `rebuild after adding ${ADDED_BEFORE_REBUILD} articles`;

export function phaseReport(results: Array<{ size: number; build?: BuildResult; rebuild?: BuildResult }>): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const [label, b] of [
      ['clean build', r.build],
      [REBUILD_LABEL, r.rebuild],
    ] as const) {
      if (!b) continue;
      const phases = b.phases
        .map(
          (p) => `${p.name} ${p.seconds.toFixed(1)} s` + (p.peakBytes ? ` (${Math.round(p.peakBytes / MiB)} MiB)` : ''),
        )
        .join(' · ');
      lines.push(`${r.size.toLocaleString('en-US')} articles, ${label} (${b.wallSec.toFixed(1)} s): ${phases}`);
      if (b.reported.length > 0)
        lines.push(`    next build says: ${b.reported.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(' · ')}`);
    }
  }
  return lines.length > 0
    ? `\nBuild phases (from output timestamps; peak tree memory in each)\n${lines.join('\n')}\n`
    : '';
}
