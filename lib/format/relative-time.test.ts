import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const zone = 'Asia/Shanghai';
// 2026-03-10 12:00 in Shanghai.
const now = new Date('2026-03-10T04:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('formatRelativeTime', () => {
  it('says 刚刚, minutes and hours within the same day', () => {
    expect(formatRelativeTime(ago(20_000), now, zone)).toBe('刚刚');
    expect(formatRelativeTime(ago(-60_000), now, zone)).toBe('刚刚');
    expect(formatRelativeTime(ago(5 * 60_000), now, zone)).toBe('5 分钟前');
    expect(formatRelativeTime(ago(3 * 3600_000 + 59 * 60_000), now, zone)).toBe('3 小时前');
  });

  it('counts calendar days in the time zone, not 24-hour spans', () => {
    // 23:30 the evening before, in Shanghai.
    expect(formatRelativeTime('2026-03-09T15:30:00Z', now, zone)).toBe('昨天');
    expect(formatRelativeTime('2026-03-07T01:00:00Z', now, zone)).toBe('3 天前');
  });

  it('gives the date after a week, with the year only when it differs', () => {
    expect(formatRelativeTime('2026-02-01T04:00:00Z', now, zone)).toBe('2月1日');
    expect(formatRelativeTime('2025-12-31T04:00:00Z', now, zone)).toBe('2025年12月31日');
  });

  it('names a bad input', () => {
    expect(() => formatRelativeTime('yesterday', now, zone)).toThrow('not an ISO date: "yesterday"');
  });
});
