import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readParents, sampleTree, treePids, watchTreeMemory } from './process-tree';

describe('treePids', () => {
  it('walks every descendant and nothing else', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(treePids(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(treePids(99, parents)).toEqual([]);
  });
});

describe('watchTreeMemory', () => {
  it('counts the memory of a grandchild that the direct child forked', async () => {
    // The child forks a grandchild that touches 200 MiB, then both wait to be killed.
    const grandchild =
      'const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log("ready"); setInterval(() => b[0]++, 1000);';
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
      const pid = child.pid as number;
      expect(treePids(pid, readParents()).length).toBe(2);
      const watcher = watchTreeMemory(pid, 20);
      await new Promise((r) => setTimeout(r, 100));
      const peak = watcher.stop();
      expect(peak.peakBytes).toBeGreaterThan(200 * 1024 * 1024);
      expect(peak.peakProcesses).toBe(2);
      expect(peak.samples).toBeGreaterThan(1);
    } finally {
      for (const pid of treePids(child.pid as number, readParents()).reverse()) process.kill(pid, 'SIGKILL');
    }
  });

  it('reads nothing for a process that is gone', () => {
    expect(sampleTree(2 ** 22 + 1)).toEqual({ bytes: 0, processes: 0 });
  });
});
