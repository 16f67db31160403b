import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { poissonSchedule, runOpenLoop, summarize } from './bookmarks-load';
import { percentile } from './stats';
import { mulberry32 } from './prng';

describe('bench percentile', () => {
  it('takes the nearest rank, so p95 of 1..100 ms is 95 ms and one slow outlier does not move p50', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(times, 50)).toBe(50);
    expect(percentile(times, 95)).toBe(95);
    expect(percentile([1, 1, 1, 900], 50)).toBe(1);
    expect(percentile([], 95)).toBeNaN();
  });

  it('summarizes unsorted times with the failures beside them', () => {
    expect(summarize([30, 10, 20], 2)).toEqual({ p50: 20, p95: 30, p99: 30, max: 30, requests: 3, failures: 2 });
  });
});

describe('poissonSchedule', () => {
  it('gives 50 readers at one toggle a second about 50 toggles a second, in time order, within the run', () => {
    const schedule = poissonSchedule({ readers: 50, meanIntervalMs: 1000, durationMs: 60_000, random: mulberry32(7) });
    // 3,000 expected; a Poisson count's standard deviation is √3000 ≈ 55.
    expect(schedule.length).toBeGreaterThan(2800);
    expect(schedule.length).toBeLessThan(3200);
    expect(schedule.every((s, i) => i === 0 || s.atMs >= schedule[i - 1]!.atMs)).toBe(true);
    expect(schedule.every((s) => s.atMs >= 0 && s.atMs < 60_000)).toBe(true);
    expect(new Set(schedule.map((s) => s.reader)).size).toBe(50);
    // Exponential gaps: one reader's gaps vary (mean ≈ standard deviation), unlike a metronome.
    const gaps = schedule
      .filter((s) => s.reader === 3)
      .map((s, i, all) => (i === 0 ? s.atMs : s.atMs - all[i - 1]!.atMs));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeGreaterThan(700);
    expect(mean).toBeLessThan(1300);
    expect(sd / mean).toBeGreaterThan(0.6);
  });

  it('is the same for the same seed, so runs are comparable', () => {
    const a = poissonSchedule({ readers: 5, meanIntervalMs: 500, durationMs: 5000, random: mulberry32(1) });
    const b = poissonSchedule({ readers: 5, meanIntervalMs: 500, durationMs: 5000, random: mulberry32(1) });
    expect(a).toEqual(b);
  });
});

describe('runOpenLoop', () => {
  it('times each request from when it was due, so a server that queues requests cannot hide the wait', async () => {
    // A server that answers one request at a time, 25 ms each: ten requests due at once finish
    // 25, 50, … 250 ms after they were due. A closed-loop client would report 25 ms for every one.
    const queue: (() => void)[] = [];
    let busy = false;
    const next = () => {
      const run = queue.shift();
      if (!run) {
        busy = false;
        return;
      }
      busy = true;
      setTimeout(() => {
        run();
        next();
      }, 25);
    };
    const server = http.createServer((req, res) => {
      req.resume();
      queue.push(() => res.end('ok'));
      if (!busy) next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true });
    const send = () =>
      new Promise<boolean>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
            res.resume();
            res.once('end', () => resolve(res.statusCode === 200));
          })
          .once('error', reject);
      });
    try {
      const schedule = Array.from({ length: 10 }, (_, reader) => ({ reader, atMs: 0 }));
      const { times, failures } = await runOpenLoop(schedule, send);
      expect(failures).toBe(0);
      const sorted = [...times].sort((a, b) => a - b);
      expect(sorted[0]).toBeGreaterThanOrEqual(20);
      expect(sorted[9]).toBeGreaterThanOrEqual(240);
      expect(percentile(sorted, 95)).toBeGreaterThanOrEqual(240);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts refused connections and error answers as failures, not as fast toggles', async () => {
    let calls = 0;
    const { times, failures } = await runOpenLoop(
      [
        { reader: 0, atMs: 0 },
        { reader: 1, atMs: 5 },
        { reader: 2, atMs: 10 },
      ],
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('ECONNREFUSED');
        return calls === 2;
      },
    );
    expect(times).toHaveLength(1);
    expect(failures).toBe(2);
  });
});
