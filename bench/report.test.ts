import { describe, expect, it } from 'vitest';
import { displayWidth, formatGrowth, formatNumber, formatTable, verdict, type BenchRow } from './report';

describe('verdict', () => {
  it('passes a figure on the right side of its limit and fails it on the other', () => {
    const row = (value: number | null, op: '<' | '<=' | '>='): BenchRow => ({
      group: 'g',
      metric: 'm',
      value,
      unit: 's',
      target: { op, limit: 45 },
    });
    expect(verdict(row(44.9, '<'))).toBe('pass');
    expect(verdict(row(45, '<'))).toBe('fail');
    expect(verdict(row(45, '>='))).toBe('pass');
    expect(verdict(row(45, '<='))).toBe('pass');
    expect(verdict(row(45.1, '<='))).toBe('fail');
    expect(verdict(row(null, '<'))).toBe('n/a');
    expect(verdict({ group: 'g', metric: 'm', value: 1, unit: '' })).toBe('n/a');
  });
});

describe('formatTable', () => {
  const rows: BenchRow[] = [
    { group: '10,000 articles', metric: 'build wall time', value: 51.234, unit: 's', target: { op: '<', limit: 45 } },
    {
      group: '10,000 articles',
      metric: 'build peak memory',
      value: 1500.4,
      unit: 'MiB',
      target: { op: '<', limit: 2048 },
    },
    { group: 'bookmarks', metric: 'toggle p95', value: null, unit: 'ms', note: 'scripts/bench-bookmarks.ts not found' },
  ];

  it('shows each figure with its unit, target and mark, grouped', () => {
    const text = formatTable(rows);
    expect(text).toMatch(/\[10,000 articles\]/);
    expect(text).toMatch(/build wall time\s+51\.2 s\s+< 45 s\s+✗ FAIL/);
    expect(text).toMatch(/build peak memory\s+1,500 MiB\s+< 2,048 MiB\s+✓ pass/);
    expect(text).toMatch(/toggle p95\s+—\s+scripts\/bench-bookmarks\.ts not found/);
    expect(text).toMatch(/targets: 1\/2 met$/);
  });

  it('keeps columns aligned when a metric holds CJK text', () => {
    const lines = formatTable([
      { group: 'g', metric: '文章页', value: 1, unit: 's' },
      { group: 'g', metric: 'abcdef', value: 2, unit: 's' },
    ]).split('\n');
    const valueColumn = (line: string | undefined) => displayWidth((line ?? '').slice(0, (line ?? '').indexOf(' s')));
    expect(valueColumn(lines.find((l) => l.startsWith('文章页')))).toBe(
      valueColumn(lines.find((l) => l.startsWith('abcdef'))),
    );
  });
});

describe('formatNumber', () => {
  it('uses fewer decimals as numbers grow', () => {
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(12345.6)).toBe('12,346');
  });
});

describe('formatGrowth', () => {
  const row = (group: string, metric: string, value: number | null, unit = 'MiB'): BenchRow => ({
    group,
    metric,
    value,
    unit,
  });
  const rows: BenchRow[] = [
    row('1,000 articles', 'npm start: RSS after start', 140),
    row('1,000 articles', 'npm start: RSS after 933 old articles', 293),
    row('1,000 articles', 'clean build: wall time', 38, 's'),
    row('1,000 articles', 'only measured small', 5),
    row('100,000 articles', 'npm start: RSS after start', 157),
    row('100,000 articles', 'npm start: RSS after 1,000 old articles', 320),
    row('100,000 articles', 'clean build: wall time', 390, 's'),
    row('100,000 articles', 'failed figure', null),
    row('search page, 100,000 articles (npm start)', 'npm start: RSS after start', 999),
  ];

  it('puts each figure of the smallest and largest size side by side with its growth', () => {
    const text = formatGrowth(rows, [1000, 100000]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Growth from 1,000 articles to 100,000 articles');
    expect(text).toMatch(/npm start: RSS after start +140 MiB +157 MiB +1\.12 ×/);
    // The same figure under a different count in its name is one row.
    expect(text).toMatch(/npm start: RSS after 1,000 old articles +293 MiB +320 MiB +1\.09 ×/);
    expect(text).toMatch(/clean build: wall time +38 s +390 s +10\.3 ×/);
    expect(text).not.toMatch(/only measured small|failed figure|999/);
  });

  it('is empty with one size', () => {
    expect(formatGrowth(rows, [1000])).toBe('');
  });
});
