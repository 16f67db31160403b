// IANA time-zone arithmetic on top of Intl, so dates need no date library.

export type WallTime = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with h23 gives plain ASCII digits and a 0–23 hour on every ICU build.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `instant` in `timeZone`. Throws RangeError for an unknown zone. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('wallTimeIn: invalid Date');
  const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year':
        out.year = Number(part.value);
        break;
      case 'month':
        out.month = Number(part.value);
        break;
      case 'day':
        out.day = Number(part.value);
        break;
      case 'hour':
        out.hour = Number(part.value);
        break;
      case 'minute':
        out.minute = Number(part.value);
        break;
      case 'second':
        out.second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) out.year = 1 - out.year;
  out.millisecond = ((t % 1000) + 1000) % 1000;
  return out;
}

/** Milliseconds since the epoch for a wall time read as UTC (no two-digit-year surprises). */
export function wallTimeAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const w = wallTimeIn(instant, timeZone);
  return wallTimeAsUtc({ ...w, millisecond: 0 }) - (instant.getTime() - w.millisecond);
}

/**
 * The instant at which clocks in `timeZone` read `wall`. A time skipped by a DST jump resolves to
 * the instant after the jump; a repeated time resolves to its first occurrence.
 */
export function instantFromWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = wallTimeAsUtc(wall);
  const first = zoneOffsetMs(new Date(asUtc), timeZone);
  let candidate = asUtc - first;
  const second = zoneOffsetMs(new Date(candidate), timeZone);
  if (second !== first) {
    // The offset changes between the guess and the answer: try the other offset, and keep the
    // earlier instant whose wall time really matches (the first of a repeated hour).
    const alternative = asUtc - second;
    const matches = (t: number) => wallTimeAsUtc(wallTimeIn(new Date(t), timeZone)) === asUtc;
    if (matches(alternative) && (!matches(candidate) || alternative < candidate)) candidate = alternative;
    // In a skipped hour neither matches; the smaller offset lands after the jump.
    else if (!matches(candidate)) candidate = asUtc - Math.min(first, second);
  }
  return new Date(candidate);
}

/** "+08:00" style offset of `timeZone` at `instant`. */
export function formatOffset(instant: Date, timeZone: string): string {
  const minutes = Math.round(zoneOffsetMs(instant, timeZone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
