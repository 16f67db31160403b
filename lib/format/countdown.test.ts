import { describe, expect, it } from 'vitest';
import { describeWait, formatCountdown } from './countdown';

const T = Date.parse('2031-05-01T08:00:00+08:00');
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('how long until a scheduled article goes live', () => {
  it('names the two largest units, rounded down', () => {
    expect(formatCountdown(T, T - (3 * d + 4 * h + 59 * m))).toBe('还有 3 天 4 小时');
    expect(formatCountdown(T, T - (2 * h + 5 * m + 30 * s))).toBe('还有 2 小时 5 分钟');
    expect(formatCountdown(T, T - 42 * s)).toBe('还有 42 秒');
    expect(formatCountdown(T, T - (5 * m + 1 * s))).toBe('还有 5 分钟 1 秒');
    // A whole day: no "0 hours" tail.
    expect(formatCountdown(T, T - d)).toBe('还有 1 天');
    expect(describeWait(T, T - (1 * d + 1 * h))).toBe('in 1 day 1 hour');
    expect(describeWait(T, T - 90 * s)).toBe('in 1 minute 30 seconds');
  });

  it('says the moment has come once it has (under a second left counts)', () => {
    expect(formatCountdown(T, T)).toBe('已到发布时间');
    expect(formatCountdown(T, T + 5 * m)).toBe('已到发布时间');
    expect(formatCountdown(T, T - 500)).toBe('已到发布时间');
    expect(describeWait(T, T + 1)).toBe('due now');
  });
});
