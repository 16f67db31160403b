import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date';

const SH = 'Asia/Shanghai';
const iso = (value: unknown, tz = SH) => parseDate(value, tz)?.toISOString() ?? null;

describe('parseDate', () => {
  it('reads the reference RFC 1123 form as the instant it names', () => {
    expect(iso('Wed, 01 Dec 2021 10:52:00 GMT')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('Wed, 01 Dec 2021 18:52:00 +0800')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('1 Dec 2021 05:52 -0500')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('Wednesday, 01 December 2021 10:52:00 UTC')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('Wed, 01 Dec 2021 02:52:00 PST')).toBe('2021-12-01T10:52:00.000Z');
  });

  it('reads an RFC date without a zone in the site zone', () => {
    expect(iso('Wed, 01 Dec 2021 18:52:00')).toBe('2021-12-01T10:52:00.000Z');
  });

  it('reads ISO 8601 with a zone as given and without one in the site zone', () => {
    expect(iso('2021-12-01T10:52:00Z')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021-12-01T18:52:00+08:00')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021-12-01T18:52:00.250+0800')).toBe('2021-12-01T10:52:00.250Z');
    expect(iso('2021-12-01T18:52:00')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021-12-01T10:52:00', 'UTC')).toBe('2021-12-01T10:52:00.000Z');
  });

  it('reads a bare day as midnight in the site zone', () => {
    expect(iso('2021-12-01')).toBe('2021-11-30T16:00:00.000Z');
    expect(iso('2021-12-01', 'America/New_York')).toBe('2021-12-01T05:00:00.000Z');
  });

  it("reads Hexo's forms in the site zone", () => {
    expect(iso('2021-12-01 18:52:00')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021-12-01 18:52')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021/12/01 18:52:00')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('2021/12/1 8:05')).toBe('2021-12-01T00:05:00.000Z');
    expect(iso('2021-12-01 18:52:00 +0800')).toBe('2021-12-01T10:52:00.000Z');
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(iso('2021-07-01 12:00', 'Europe/Berlin')).toBe('2021-07-01T10:00:00.000Z');
    expect(iso('2021-01-01 12:00', 'Europe/Berlin')).toBe('2021-01-01T11:00:00.000Z');
    // 02:30 does not exist on 2021-03-14 in New York; it lands just after the jump.
    expect(iso('2021-03-14 02:30', 'America/New_York')).toBe('2021-03-14T07:30:00.000Z');
    // 01:30 happens twice on 2021-11-07; the first one is taken.
    expect(iso('2021-11-07 01:30', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
  });

  it('tells epoch seconds from milliseconds by size, as numbers or numeric strings', () => {
    expect(iso(1638355920)).toBe('2021-12-01T10:52:00.000Z');
    expect(iso(1638355920000)).toBe('2021-12-01T10:52:00.000Z');
    expect(iso('1638355920')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso(' 1638355920000 ')).toBe('2021-12-01T10:52:00.000Z');
    expect(iso(1638355920.5)).toBe('2021-12-01T10:52:00.500Z');
  });

  it('takes a Date as the instant it holds', () => {
    expect(iso(new Date('2021-12-01T10:52:00Z'))).toBe('2021-12-01T10:52:00.000Z');
    expect(iso(new Date(Number.NaN))).toBeNull();
  });

  it('refuses days that do not exist', () => {
    expect(iso('2021-02-30')).toBeNull();
    expect(iso('2021-02-29 10:00')).toBeNull();
    expect(iso('2020-02-29 10:00')).toBe('2020-02-29T02:00:00.000Z');
    expect(iso('1900-02-29')).toBeNull();
    expect(iso('2000-02-29')).not.toBeNull();
    expect(iso('2021-13-01')).toBeNull();
    expect(iso('2021-04-31')).toBeNull();
    expect(iso('2021-12-01 24:00')).toBeNull();
    expect(iso('2021-12-01 10:60')).toBeNull();
    expect(iso('Tue, 31 Nov 2021 10:00:00 GMT')).toBeNull();
  });

  it('refuses text that is not a date, rather than guessing', () => {
    for (const bad of ['', '   ', 'yesterday', 'Dec 1st', '01/12/2021', '20211201', '2021-12', 'Xyz, 01 Dec 2021 10:52:00 GMT', '01 Foo 2021 10:00', '2021-12-01T10:52:00+25:00', '2021-12-01 10:52 XYZ']) {
      expect(iso(bad), bad).toBeNull();
    }
    for (const bad of [null, undefined, true, {}, [], 12, -1638355920, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(iso(bad), String(bad)).toBeNull();
    }
  });
});
