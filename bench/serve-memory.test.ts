import { describe, expect, it } from 'vitest';
import { memoryRows, renderRows } from './serve-memory';

describe('start → first answer in the bench table', () => {
  it('is the median of the timed spawns, each listed, for next start and npm start', () => {
    const next = renderRows('g', { readyMs: [1379, 912, 940], startMiB: 140, renderMs: [40, 50, 60], failed: 0 });
    expect(next[0]).toMatchObject({ metric: 'start → first answer', value: 940 });
    expect(next[0]?.note).toContain('median of 3 spawns (1379, 912, 940 ms)');
    const npm = memoryRows('g', { readyMs: [950], startMiB: 130, afterMiB: 270, served: 1000, failed: 0, seconds: 40 });
    expect(npm[0]).toMatchObject({ metric: 'npm start: start → first answer', value: 950 });
    expect(npm[0]?.note).toContain('median of 1 spawn (950 ms)');
  });
});
