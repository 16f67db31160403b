// Resident memory of a whole process tree (a build and every worker it forks), sampled from /proc.
import fs from 'node:fs';
import { procStatFields } from '@/lib/locks/lock-file.mjs';

/** pid → parent pid for every process visible in /proc. */
export function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = procStatFields(Number(name));
    if (!fields) continue; // exited between readdir and read
    const ppid = Number(fields[1]);
    if (Number.isInteger(ppid)) parents.set(Number(name), ppid);
  }
  return parents;
}

/** `root` and all its descendants that are alive in `parents`. */
export function treePids(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const queue = parents.has(root) ? [root] : [];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS of one process in bytes; 0 once it has exited (or for a zombie, which has none). */
export function readRssBytes(pid: number): number {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

export type TreeSample = { bytes: number; processes: number };

export function sampleTree(root: number): TreeSample {
  const pids = treePids(root, readParents());
  let bytes = 0;
  for (const pid of pids) bytes += readRssBytes(pid);
  return { bytes, processes: pids.length };
}

export type MemoryPeak = {
  /** Highest sum of VmRSS over the tree at any one sample. */
  peakBytes: number;
  /** Most processes alive in the tree at any one sample. */
  peakProcesses: number;
  samples: number;
  /** Every sample: `at` is performance.now(), so callers can find the peak within a phase. */
  timeline: { at: number; bytes: number }[];
};

/**
 * Samples the tree every `intervalMs` until stopped. Summed RSS counts shared pages once per
 * process, the same way `ps`/`top` totals do, so it is an upper bound on physical use.
 */
export function watchTreeMemory(root: number, intervalMs = 100): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { peakBytes: 0, peakProcesses: 0, samples: 0, timeline: [] };
  const tick = () => {
    const s = sampleTree(root);
    peak.samples += 1;
    peak.timeline.push({ at: performance.now(), bytes: s.bytes });
    peak.peakBytes = Math.max(peak.peakBytes, s.bytes);
    peak.peakProcesses = Math.max(peak.peakProcesses, s.processes);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ...peak, timeline: [...peak.timeline] };
    },
  };
}
