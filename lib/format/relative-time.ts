// "When did I read this?" in zh-CN: 刚刚, N 分钟前, N 小时前, 昨天, N 天前, then the date.
import { wallTimeIn } from './time-zone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Calendar days from `then` to `now` in `timeZone` (so 23:50 → 00:10 is 昨天, not 20 分钟前's day). */
function daysBetween(then: Date, now: Date, timeZone: string): number {
  const day = (d: Date) => {
    const w = wallTimeIn(d, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day) / (24 * HOUR);
  };
  return day(now) - day(then);
}

/** `iso` relative to `now`, as a reader says it; a time in the future (clock skew) reads as 刚刚. */
export function formatRelativeTime(iso: string, now: Date, timeZone: string): string {
  const then = new Date(iso);
  if (!Number.isFinite(then.getTime())) throw new RangeError(`not an ISO date: "${iso}"`);
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return '刚刚';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} 分钟前`;
  const days = daysBetween(then, now, timeZone);
  if (days <= 0) return `${Math.floor(ago / HOUR)} 小时前`;
  if (days === 1) return '昨天';
  if (days < 7) return `${days} 天前`;
  const w = wallTimeIn(then, timeZone);
  const nowYear = wallTimeIn(now, timeZone).year;
  return w.year === nowYear ? `${w.month}月${w.day}日` : `${w.year}年${w.month}月${w.day}日`;
}
