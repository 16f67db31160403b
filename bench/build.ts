// Runs one build (`npm run build`: next build + search index) and measures its wall time, peak tree memory and phases.
import fs from 'node:fs';
import path from 'node:path';
import { onLines, spawnTracked, stripAnsi } from './children';
import { watchTreeMemory } from './process-tree';

/** Lines of `next build` output that open a phase; each phase lasts until the next one opens. */
export const BUILD_PHASES: { name: string; opens: RegExp }[] = [
  { name: 'load next.config', opens: /next\.config/ },
  { name: 'compile', opens: /Creating an optimized production build/ },
  { name: 'type-check', opens: /Running TypeScript|Linting and checking validity of types/ },
  { name: 'collect page data', opens: /Collecting page data/ },
  { name: 'prerender pages', opens: /Generating static pages/ },
  { name: 'finalize', opens: /Finalizing page optimization/ },
  { name: 'route table and exit', opens: /^\s*Route \((app|pages)\)/ },
  // scripts/build.mjs: the search index step still running once next build is done.
  { name: 'search index, after next build', opens: /^\[build\] next build done/ },
];

export type TimedLine = { atSec: number; text: string };
export type BuildPhase = {
  name: string;
  seconds: number;
  /** Offset from the start of the build; only for phases split from the output. */
  startSec?: number;
  /** Highest tree memory sampled during the phase. */
  peakBytes?: number;
};

/** Splits the build's wall time into the phases its output announces, plus startup before the first. */
export function buildPhases(lines: TimedLine[], totalSec: number): BuildPhase[] {
  const opened: { name: string; atSec: number }[] = [];
  for (const phase of BUILD_PHASES) {
    const first = lines.find((l) => phase.opens.test(l.text));
    if (first) opened.push({ name: phase.name, atSec: first.atSec });
  }
  opened.sort((a, b) => a.atSec - b.atSec);
  const phases: BuildPhase[] = [];
  const startup = opened[0]?.atSec ?? totalSec;
  if (startup > 0) phases.push({ name: 'start-up', seconds: startup, startSec: 0 });
  opened.forEach((p, i) => {
    const end = opened[i + 1]?.atSec ?? totalSec;
    phases.push({ name: p.name, seconds: Math.max(0, end - p.atSec), startSec: p.atSec });
  });
  return phases;
}

/** Adds to each phase the highest memory sample taken within it (`atSec` relative to the build start). */
export function withPhasePeaks(phases: BuildPhase[], samples: { atSec: number; bytes: number }[]): BuildPhase[] {
  return phases.map((phase) => {
    if (phase.startSec === undefined) return phase;
    const from = phase.startSec;
    const to = from + phase.seconds;
    let peak = 0;
    for (const s of samples) if (s.atSec >= from && s.atSec <= to) peak = Math.max(peak, s.bytes);
    return { ...phase, peakBytes: peak };
  });
}

/** Durations Next.js prints itself ("Compiled successfully in 12.3s", "… (215/215) in 950ms"). */
export function reportedTimings(lines: string[]): BuildPhase[] {
  const out: BuildPhase[] = [];
  for (const raw of lines) {
    const text = stripAnsi(raw).trim();
    const m = /^(?:[✓✔○]\s*)?(.+?)\s+(?:in|took)\s+(\d+(?:\.\d+)?)\s*(ms|s|min|m)\b/.exec(text);
    if (!m || !m[1] || !m[2]) continue;
    const n = Number(m[2]);
    const seconds = m[3] === 'ms' ? n / 1000 : m[3] === 'min' || m[3] === 'm' ? n * 60 : n;
    out.push({ name: m[1].replace(/\s*\.\.\.$/, ''), seconds });
  }
  return out;
}

export type BuildResult = {
  ok: boolean;
  exitCode: number;
  /** From start to exit. */
  wallSec: number;
  peakRssBytes: number;
  peakProcesses: number;
  phases: BuildPhase[];
  reported: BuildPhase[];
  logFile: string;
  /** The last lines of output, to show when the build failed. */
  tail: string[];
};

export type BuildOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Called for each output line as it arrives (progress display). */
  onLine?: (line: string) => void;
  timeoutMs?: number;
};

export async function runNextBuild(opts: BuildOptions): Promise<BuildResult> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile);
  // `npm run build`: next build and the search index beside it, as every other build of the site.
  const buildScript = path.join(opts.cwd, 'scripts', 'build.mjs');
  const proc = spawnTracked(process.execPath, [buildScript], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = performance.now();
  // 'close' comes after the last output line, which 'exit' does not promise.
  const closed = new Promise<void>((resolve) => proc.child.once('close', () => resolve()));

  const lines: { at: number; text: string }[] = [];
  const take = (line: string) => {
    const text = stripAnsi(line);
    lines.push({ at: performance.now(), text });
    log.write(text + '\n');
    opts.onLine?.(text);
  };
  onLines(proc.child.stdout, take);
  onLines(proc.child.stderr, take);

  const start = started;
  const memory = watchTreeMemory(proc.pid, 100);
  const timeoutMs = opts.timeoutMs ?? 30 * 60_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void proc.stop();
  }, timeoutMs);
  const exitCode = await proc.exited;
  const end = performance.now();
  clearTimeout(timer);
  const peak = memory.stop();
  await closed;
  await new Promise<void>((resolve) => log.end(resolve));

  const wallSec = (end - start) / 1000;
  const timed = lines.map((l) => ({ atSec: Math.max(0, (l.at - start) / 1000), text: l.text }));
  const tail = lines.slice(-25).map((l) => l.text);
  if (timedOut) tail.push(`(stopped after ${Math.round(timeoutMs / 1000)} s)`);
  return {
    ok: exitCode === 0 && !timedOut,
    exitCode,
    wallSec,
    peakRssBytes: peak.peakBytes,
    peakProcesses: peak.peakProcesses,
    phases: withPhasePeaks(
      buildPhases(timed, wallSec),
      peak.timeline.map((m) => ({ atSec: (m.at - start) / 1000, bytes: m.bytes })),
    ),
    reported: reportedTimings(lines.map((l) => l.text)),
    logFile: opts.logFile,
    tail,
  };
}
