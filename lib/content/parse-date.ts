// Reads the date forms found in scraped feeds and Hexo blogs; zoneless forms are read in the site's zone.
import { instantFromWallTime, type WallTime } from '@/lib/format/time-zone';

/** For messages: the forms parseDate accepts. */
export const ACCEPTED_DATE_FORMS =
  'RFC 1123 ("Wed, 01 Dec 2021 10:52:00 GMT"), ISO 8601 ("2021-12-01T18:52:00+08:00", zone optional), ' +
  '"2021-12-01", "2021-12-01 18:52[:00]", "2021/12/01 18:52", Jekyll\'s "2021-12-01 18:52:00 +0800", or epoch seconds/milliseconds';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 zone names; anything else must be a numeric offset. */
const NAMED_ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

// Epoch values below 1e8 s (March 1973) are far more likely a typo or a compact date like
// 20211201 than a real publication time, so they are refused rather than guessed.
const MIN_EPOCH_SECONDS = 1e8;
// Below this a value is seconds (up to the year 5138); above it, milliseconds (from 1973).
const SECONDS_MS_BOUNDARY = 1e11;
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// Date, then optionally a time and a zone; Jekyll also writes a zone after a date alone ("2018-02-24 +0800").
const ISO_LIKE =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC)(?:[+-]\d{2}(?::?\d{2})?)?)?|\s+([+-]\d{2}:?\d{2}))?$/;

const RFC_LIKE =
  /^(?:([A-Za-z]{3})[a-z]*,?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2}))?$/;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validWall(w: WallTime): boolean {
  return (
    w.year >= 1000 &&
    w.month >= 1 && w.month <= 12 &&
    w.day >= 1 && w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 && w.hour <= 23 &&
    w.minute >= 0 && w.minute <= 59 &&
    w.second >= 0 && w.second <= 59
  );
}

/** "+08:00", "+0800", "+08", "Z", "GMT+8:00"… → minutes east of UTC, or null when unreadable. */
function offsetMinutes(zone: string): number | null {
  const named = NAMED_ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?$/i.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function fromWall(w: WallTime, zone: string | undefined, timeZone: string): Date | null {
  if (!validWall(w)) return null;
  if (zone === undefined) return checked(instantFromWallTime(w, timeZone));
  const offset = offsetMinutes(zone);
  if (offset === null) return null;
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return checked(new Date(d.getTime() - offset * 60_000));
}

function checked(d: Date): Date | null {
  const t = d.getTime();
  return Number.isFinite(t) && t <= MAX_TIME ? d : null;
}

function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n) || n < MIN_EPOCH_SECONDS) return null;
  return checked(new Date(n < SECONDS_MS_BOUNDARY ? Math.round(n * 1000) : Math.round(n)));
}

function parseIsoLike(s: string, timeZone: string): Date | null {
  const m = ISO_LIKE.exec(s);
  if (!m) return null;
  const fraction = m[8] ?? '';
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[3]),
    day: Number(m[4]),
    hour: Number(m[5] ?? '0'),
    minute: Number(m[6] ?? '0'),
    second: Number(m[7] ?? '0'),
    millisecond: fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
  };
  return fromWall(wall, m[9] ?? m[10], timeZone);
}

function parseRfcLike(s: string, timeZone: string): Date | null {
  const m = RFC_LIKE.exec(s);
  if (!m) return null;
  const weekday = m[1]?.toLowerCase();
  // A weekday that disagrees with the date is common in hand-made feeds; only its spelling is checked.
  if (weekday !== undefined && !WEEKDAYS.includes(weekday)) return null;
  const month = MONTHS.indexOf((m[3] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  const wall: WallTime = {
    year: Number(m[4]),
    month,
    day: Number(m[2]),
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: Number(m[7] ?? '0'),
    millisecond: 0,
  };
  return fromWall(wall, m[8], timeZone);
}

/**
 * The instant a front-matter date value names, or null when it is not one of ACCEPTED_DATE_FORMS
 * or names an impossible day (2021-02-30). Forms without a zone are wall time in `timeZone`.
 * A Date is taken as the instant it holds; callers that got it from a zoneless YAML timestamp
 * should pass the original text instead (see yamlScalarText in front-matter.ts).
 */
export function parseDate(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? checked(new Date(value.getTime())) : null;
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    // Eight digits would be 1970 as seconds; it is almost always a compact YYYYMMDD, which is refused.
    return s.split('.')[0]!.length >= 9 ? fromEpoch(Number(s)) : null;
  }
  return parseIsoLike(s, timeZone) ?? parseRfcLike(s, timeZone);
}
