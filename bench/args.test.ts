import { describe, expect, it } from 'vitest';
import { ArgsError, parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('measures 1,000 and 10,000 articles with every stage by default', () => {
    const o = parseBenchArgs([]);
    expect(o.sizes).toEqual([1000, 10000]);
    expect([...o.stages].sort()).toEqual(['build', 'hooks', 'rps', 'serve']);
    expect(o).toMatchObject({ skipBuild: false, rebuild: true, durationSec: 10, connections: 50, hooks: [] });
  });

  it('reads sizes as a list, with k for thousands, sorted and once each', () => {
    expect(parseBenchArgs(['--sizes', '10k,1000,1000']).sizes).toEqual([1000, 10000]);
    expect(parseBenchArgs(['--sizes=500']).sizes).toEqual([500]);
  });

  it('limits the run to the named stages and hooks', () => {
    const o = parseBenchArgs(['--only', 'serve,bookmarks', '--skip-build'], ['bookmarks']);
    expect([...o.stages].sort()).toEqual(['hooks', 'serve']);
    expect(o.hooks).toEqual(['bookmarks']);
    expect(o.skipBuild).toBe(true);
  });

  it('runs every hook when the hooks stage itself is named', () => {
    const o = parseBenchArgs(['--only', 'hooks,bookmarks'], ['bookmarks', 'search']);
    expect(o.hooks).toEqual([]);
  });

  it('rejects typos before anything is built', () => {
    expect(() => parseBenchArgs(['--only', 'biuld'])).toThrow(/unknown stage or hook "biuld"/);
    expect(() => parseBenchArgs(['--sizes', 'ten'])).toThrow(ArgsError);
    expect(() => parseBenchArgs(['--sizes'])).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--connections', '0'])).toThrow(/--connections/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option "--fast"/);
  });

  it("reads the bookmark bench's mean toggle interval, one second by default", () => {
    expect(parseBenchArgs([]).toggleIntervalSec).toBe(1);
    expect(parseBenchArgs(['--toggle-interval', '2.5']).toggleIntervalSec).toBe(2.5);
    expect(() => parseBenchArgs(['--toggle-interval', '0'])).toThrow(/--toggle-interval/);
  });

  it('accepts fractional durations and a zero warm-up', () => {
    expect(parseBenchArgs(['--duration', '2.5', '--warmup', '0'])).toMatchObject({ durationSec: 2.5, warmupSec: 0 });
  });
});
