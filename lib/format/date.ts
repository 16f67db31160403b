// Dates as readers see them: zh-CN wording in the site's time zone, and machine forms for <time>.
import { formatOffset, wallTimeIn } from './time-zone';

function toDate(iso: string): Date {
  const d = new Date(iso);
  if (!Number.isFinite(d.getTime())) throw new RangeError(`not an ISO date: "${iso}"`);
  return d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2021年12月1日 18:52` in `timeZone`. */
export function formatDate(iso: string, timeZone: string): string {
  const w = wallTimeIn(toDate(iso), timeZone);
  return `${w.year}年${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)}`;
}

/** `2021年12月1日` in `timeZone`, for lists where the time is noise. */
export function formatDay(iso: string, timeZone: string): string {
  const w = wallTimeIn(toDate(iso), timeZone);
  return `${w.year}年${w.month}月${w.day}日`;
}

/** `2021-12-01` in `timeZone`. */
export function formatDateShort(iso: string, timeZone: string): string {
  const w = wallTimeIn(toDate(iso), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `2021-12-01T18:52:00+08:00`: the instant with the zone's offset, for `<time dateTime>`. */
export function formatIsoDateTime(iso: string, timeZone: string): string {
  const d = toDate(iso);
  const w = wallTimeIn(d, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(d, timeZone)}`;
}
