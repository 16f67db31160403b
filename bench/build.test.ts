import { describe, expect, it } from 'vitest';
import { buildPhases, reportedTimings, withPhasePeaks } from './build';

// Output in the shape Next.js 16 prints it (trimmed).
const output = [
  '   ▲ Next.js 16.4.6 (Turbopack)',
  ' ✓ Running next.config.mjs took 40ms',
  '   Creating an optimized production build ...',
  ' ✓ Compiled successfully in 12.5s',
  '   Running TypeScript ...',
  '   Finished TypeScript in 6.1s ...',
  '   Collecting page data using 1 worker ...',
  '   Generating static pages using 1 worker (0/240) ...',
  ' ✓ Generating static pages using 1 worker (240/240) in 9.8s',
  '   Finalizing page optimization ...',
  'Route (app)',
];

describe('buildPhases', () => {
  it('splits the wall time at the lines that open each phase', () => {
    const at = [0.5, 0.6, 0.7, 13.3, 13.4, 19.6, 19.7, 24.0, 33.9, 34.0, 34.5];
    const phases = buildPhases(
      output.map((text, i) => ({ atSec: at[i] ?? 0, text })),
      35,
    );
    expect(phases.map((p) => p.name)).toEqual([
      'start-up',
      'load next.config',
      'compile',
      'type-check',
      'collect page data',
      'prerender pages',
      'finalize',
      'route table and exit',
    ]);
    const seconds = Object.fromEntries(phases.map((p) => [p.name, Math.round(p.seconds * 10) / 10]));
    expect(seconds).toMatchObject({
      'start-up': 0.6,
      compile: 12.7,
      'type-check': 6.3,
      'prerender pages': 10,
      'route table and exit': 0.5,
    });
    expect(phases.reduce((n, p) => n + p.seconds, 0)).toBeCloseTo(35);
  });

  it('reports the whole run as start-up when nothing it knows was printed', () => {
    expect(buildPhases([{ atSec: 1, text: 'Error: boom' }], 3)).toEqual([
      { name: 'start-up', seconds: 3, startSec: 0 },
    ]);
  });
});

describe('reportedTimings', () => {
  it('reads the durations Next.js prints, in ms or s', () => {
    expect(reportedTimings(output)).toEqual([
      { name: 'Running next.config.mjs', seconds: 0.04 },
      { name: 'Compiled successfully', seconds: 12.5 },
      { name: 'Finished TypeScript', seconds: 6.1 },
      { name: 'Generating static pages using 1 worker (240/240)', seconds: 9.8 },
    ]);
  });
});

describe('withPhasePeaks', () => {
  it('gives each phase the highest memory sampled inside it', () => {
    const phases = buildPhases(
      [
        { atSec: 1, text: 'Creating an optimized production build ...' },
        { atSec: 5, text: 'Running TypeScript ...' },
      ],
      8,
    );
    const samples = [0.5, 2, 4, 6, 7.9].map((atSec, i) => ({ atSec, bytes: [10, 300, 200, 900, 50][i] ?? 0 }));
    expect(withPhasePeaks(phases, samples).map((p) => [p.name, p.peakBytes])).toEqual([
      ['start-up', 10],
      ['compile', 300],
      ['type-check', 900],
    ]);
  });
});
