import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPublicationClock,
  MAX_SLEEP_MS,
  RETRY_MS,
  WAKE_SLACK_MS,
  type PublicationReport,
} from './publication-clock.mjs';

const T = Date.UTC(2031, 4, 1, 0, 0, 0);

/** A clock over a fake time and fake timers, with a schedule that answers like /api/revalidate. */
function harness(schedule: number[], options: { start: number; marker?: string | null; initialSince?: number | null }) {
  let time = options.start;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const asked: Array<number | null> = [];
  const published: PublicationReport[] = [];
  let failNext = 0;
  const clock = createPublicationClock({
    now: () => time,
    setTimer: (fn, ms) => {
      const t = { at: time + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      const i = timers.indexOf(t as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    log: () => {},
    markerFile: options.marker ?? null,
    initialSince: () => options.initialSince ?? null,
    onPublished: (r) => published.push(r),
    check: async (since) => {
      asked.push(since);
      if (failNext > 0) {
        failNext--;
        throw new Error('server busy');
      }
      const from = since ?? time - 120_000;
      const live = schedule.filter((t) => t > from && t <= time);
      return {
        now: time,
        revalidated: live.length > 0,
        published: live.map((t) => ({ path: `/articles/a-${t}` })),
        nextPublication: schedule.filter((t) => t > time).sort((a, b) => a - b)[0] ?? null,
      };
    },
  });
  /** Moves time to `to`, running the timers due on the way. */
  const advance = async (to: number) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > to) break;
      timers.shift();
      time = due.at;
      due.fn();
      await new Promise((r) => setImmediate(r));
    }
    time = to;
  };
  return { clock, asked, published, timers, advance, fail: (n: number) => (failNext = n), now: () => time };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start keeps time for scheduled articles', () => {
  it('lets nothing be cached until it knows the schedule, then until the next publication', async () => {
    const h = harness([T], { start: T - 60_000 });
    expect(h.clock.limit()).toBe(0);
    await h.clock.start();
    expect(h.clock.limit()).toBe(60);
    await h.advance(T - 10_500);
    expect(h.clock.limit()).toBe(10);
  });

  it('wakes just after the scheduled moment, has the pages renewed, and sleeps until the next one', async () => {
    const h = harness([T, T + 3_600_000 * 5], { start: T - 60_000 });
    await h.clock.start();
    expect(h.published).toHaveLength(0);
    await h.advance(T + WAKE_SLACK_MS);
    expect(h.published).toHaveLength(1);
    expect(h.published[0]?.published?.[0]?.path).toBe(`/articles/a-${T}`);
    // It asked from the time of its previous look, so nothing between is missed.
    expect(h.asked).toEqual([null, T - 60_000]);
    // The next one is five hours away: it looks again at least hourly.
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0]?.at).toBe(T + WAKE_SLACK_MS + MAX_SLEEP_MS);
    expect(h.clock.limit()).toBe(5 * 3600 - 1);
  });

  it('catches a publication that happened while the server was down, from the recorded time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-clock-'));
    dirs.push(dir);
    const marker = path.join(dir, 'published-through');
    // Last run handled everything up to an hour before T; the server comes back an hour after T.
    fs.writeFileSync(marker, `${T - 3_600_000}\n`);
    const h = harness([T], { start: T + 3_600_000, marker });
    await h.clock.start();
    expect(h.asked).toEqual([T - 3_600_000]);
    expect(h.published).toHaveLength(1);
    expect(Number(fs.readFileSync(marker, 'utf8'))).toBe(T + 3_600_000);
    // Started again: nothing new, nothing renewed.
    const again = harness([T], { start: T + 3_700_000, marker });
    await again.clock.start();
    expect(again.published).toHaveLength(0);
  });

  it('without a record, looks back to the build', async () => {
    const h = harness([T], { start: T + 600_000, initialSince: T - 86_400_000 });
    await h.clock.start();
    expect(h.asked).toEqual([T - 86_400_000]);
    expect(h.published).toHaveLength(1);
  });

  it('keeps caches off while the check fails, and tries again soon', async () => {
    const h = harness([T], { start: T - 60_000 });
    h.fail(1);
    await h.clock.start();
    expect(h.clock.limit()).toBe(0);
    await h.advance(T - 60_000 + RETRY_MS);
    expect(h.asked).toHaveLength(2);
    expect(h.clock.limit()).toBe(55);
  });

  it('with nothing scheduled, sets no limit', async () => {
    const h = harness([], { start: T });
    await h.clock.start();
    expect(h.clock.limit()).toBeNull();
    h.clock.stop();
    expect(h.timers).toHaveLength(0);
  });
});
