import { describe, expect, it } from 'vitest';
import { isFrameworkScript, mainThreadFromTrace } from './first-load';

describe('first-load bench: reading a performance trace', () => {
  it("counts the page renderer's main thread only: its tasks, their long-task excess and script time", () => {
    const trace = {
      traceEvents: [
        { name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
        { name: 'thread_name', ph: 'M', pid: 1, tid: 11, args: { name: 'Compositor' } },
        { name: 'thread_name', ph: 'M', pid: 2, tid: 20, args: { name: 'CrRendererMain' } },
        // The page: 30 ms + 120 ms tasks, 90 ms of script.
        { name: 'RunTask', ph: 'X', pid: 1, tid: 10, dur: 30_000 },
        { name: 'RunTask', ph: 'X', pid: 1, tid: 10, dur: 120_000 },
        { name: 'EvaluateScript', ph: 'X', pid: 1, tid: 10, dur: 90_000 },
        // Another thread of the page and an idle renderer (about:blank) do not count.
        { name: 'RunTask', ph: 'X', pid: 1, tid: 11, dur: 500_000 },
        { name: 'RunTask', ph: 'X', pid: 2, tid: 20, dur: 1_000 },
      ],
    };
    expect(mainThreadFromTrace(trace)).toEqual({ taskMs: 150, longTaskMs: 70, scriptMs: 90 });
  });

  it('counts blocking time from first contentful paint on, as Lighthouse does', () => {
    const main = { ph: 'X', pid: 1, tid: 10 };
    const trace = {
      traceEvents: [
        { name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
        { name: 'firstContentfulPaint', ph: 'R', pid: 1, tid: 10, ts: 1_000_000 },
        // Parse and first layout before the paint: not blocking anything shown yet.
        { name: 'RunTask', ...main, ts: 100_000, dur: 300_000 },
        // Straddles the paint: 80 ms of it come after, 30 ms beyond 50.
        { name: 'RunTask', ...main, ts: 950_000, dur: 130_000 },
        // After the paint: 120 ms, 70 beyond 50; a 40 ms task adds nothing.
        { name: 'RunTask', ...main, ts: 2_000_000, dur: 120_000 },
        { name: 'RunTask', ...main, ts: 3_000_000, dur: 40_000 },
      ],
    };
    expect(mainThreadFromTrace(trace)).toEqual({ taskMs: 590, longTaskMs: 100, scriptMs: 0 });
  });

  it('tells the framework scripts from ours', () => {
    expect(isFrameworkScript('/_next/static/chunks/turbopack-077hmtqrhcoji.js', '')).toBe(true);
    expect(isFrameworkScript('/_next/static/chunks/2sud.js', '...hydrateRoot(document,...')).toBe(true);
    expect(isFrameworkScript('/_next/static/chunks/3wbc.js', 'data-user-menu 阅读设置')).toBe(false);
  });
});
