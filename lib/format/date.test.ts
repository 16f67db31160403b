import { describe, expect, it } from 'vitest';
import { formatDate, formatDateShort, formatDay, formatIsoDateTime } from './date';

const instant = '2021-12-01T10:52:00.000Z';

describe('date formatting', () => {
  it('shows the reference date in zh-CN wording in the site zone', () => {
    expect(formatDate(instant, 'Asia/Shanghai')).toBe('2021年12月1日 18:52');
    expect(formatDay(instant, 'Asia/Shanghai')).toBe('2021年12月1日');
    expect(formatDate(instant, 'UTC')).toBe('2021年12月1日 10:52');
  });

  it('moves to the next day when the zone says so', () => {
    expect(formatDateShort('2021-11-30T16:30:00Z', 'Asia/Shanghai')).toBe('2021-12-01');
    expect(formatDateShort('2021-11-30T16:30:00Z', 'UTC')).toBe('2021-11-30');
  });

  it('gives <time dateTime> the wall time with its offset', () => {
    expect(formatIsoDateTime(instant, 'Asia/Shanghai')).toBe('2021-12-01T18:52:00+08:00');
    expect(formatIsoDateTime('2021-07-01T10:00:00Z', 'America/New_York')).toBe('2021-07-01T06:00:00-04:00');
    expect(formatIsoDateTime('2021-07-01T10:00:00Z', 'Asia/Kolkata')).toBe('2021-07-01T15:30:00+05:30');
  });

  it('refuses a value that is not a date', () => {
    expect(() => formatDate('soon', 'UTC')).toThrow(/not an ISO date/);
  });
});
