import { describe, expect, it } from 'vitest';
import { memoryRows, nodeSpawnMs, renderRows } from './serve-memory';

describe('start → first answer in the bench table', () => {
  it('is the median of the timed spawns, each listed, for next start and npm start', () => {
    const next = renderRows('g', { readyMs: [1379, 912, 940], startMiB: 140, renderMs: [40, 50, 60], failed: 0 });
    expect(next[0]).toMatchObject({ metric: 'start → first answer', value: 940 });
    expect(next[0]?.note).toContain('median of 3 spawns (1379, 912, 940 ms)');
    const npm = memoryRows('g', { readyMs: [950], startMiB: 130, afterMiB: 270, served: 1000, failed: 0, seconds: 40 });
    expect(npm[0]).toMatchObject({ metric: 'npm start: start → first answer', value: 950 });
    expect(npm[0]?.note).toContain('median of 1 spawn (950 ms)');
  });

  it("prints Node's own pace at the time beside the spawns, when it was measured", () => {
    const next = renderRows('g', {
      readyMs: [1100, 1150, 1120],
      nodeMs: 61.4,
      startMiB: 140,
      renderMs: [40],
      failed: 0,
    });
    expect(next[0]?.note).toMatch(/median of 3 spawns \(1100, 1150, 1120 ms\); a bare `node -e ""` took 61 ms then$/);
    const npm = memoryRows('g', { readyMs: [950], startMiB: 130, afterMiB: 270, served: 1000, failed: 0, seconds: 40 });
    expect(npm[0]?.note).not.toContain('node -e');
  });

  it('times a bare Node from spawn to exit', () => {
    const ms = nodeSpawnMs(3);
    // A real spawn: more than nothing, less than a server's start.
    expect(ms).toBeGreaterThan(5);
    expect(ms).toBeLessThan(2000);
  });
});
