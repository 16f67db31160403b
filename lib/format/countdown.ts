// "How long until it goes live?": for editors' list of scheduled articles (zh-CN) and content:check (English).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'day' | 'hour' | 'minute' | 'second';
const UNITS: ReadonlyArray<readonly [number, Unit]> = [
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [SECOND, 'second'],
];

/** The two largest units of a wait, rounded down: [[3, 'day'], [4, 'hour']], [[42, 'second']]; [] under a second. */
function parts(ms: number): Array<[number, Unit]> {
  const first = UNITS.findIndex(([size]) => ms >= size);
  if (first === -1) return [];
  const [size, unit] = UNITS[first]!;
  const n = Math.floor(ms / size);
  const out: Array<[number, Unit]> = [[n, unit]];
  const smaller = UNITS[first + 1];
  if (smaller) {
    const k = Math.floor((ms - n * size) / smaller[0]);
    if (k > 0) out.push([k, smaller[1]]);
  }
  return out;
}

const ZH = { day: '天', hour: '小时', minute: '分钟', second: '秒' } as const;

/** `还有 3 天 4 小时`, `还有 42 秒`; `已到发布时间` once the moment has passed. */
export function formatCountdown(until: number, now: number): string {
  const left = parts(until - now);
  if (left.length === 0) return '已到发布时间';
  return `还有 ${left.map(([n, unit]) => `${n} ${ZH[unit]}`).join(' ')}`;
}

/** `in 3 days 4 hours`, `in 42 seconds`; `due now` once the moment has passed. */
export function describeWait(until: number, now: number): string {
  const left = parts(until - now);
  if (left.length === 0) return 'due now';
  return `in ${left.map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`).join(' ')}`;
}
