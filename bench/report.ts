// The bench's result rows: one figure each, with its unit and optional target, printed as a table and saved as JSON.

export type Target = {
  /** Whether the figure must stay below (`<`), not exceed (`<=`) or reach (`>=`) the limit. */
  op: '<' | '<=' | '>=';
  limit: number;
};

export type BenchRow = {
  /** What the figure belongs to, e.g. "10,000 articles" or "bookmarks (PGlite)". */
  group: string;
  metric: string;
  /** null when the figure could not be measured; `note` then says why. */
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
};

export type Verdict = 'pass' | 'fail' | 'n/a';

export function verdict(row: BenchRow): Verdict {
  if (!row.target || row.value === null) return 'n/a';
  const { op, limit } = row.target;
  const met = op === '<' ? row.value < limit : op === '<=' ? row.value <= limit : row.value >= limit;
  return met ? 'pass' : 'fail';
}

/** Thousands separators and a precision that suits the size of the number; whole numbers stay whole. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) || abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatValue(row: BenchRow): string {
  if (row.value === null) return '—';
  return row.unit ? `${formatNumber(row.value)} ${row.unit}` : formatNumber(row.value);
}

function formatTarget(row: BenchRow): string {
  if (!row.target) return '';
  const unit = row.unit ? ` ${row.unit}` : '';
  return `${row.target.op} ${formatNumber(row.target.limit)}${unit}`;
}

const MARK: Record<Verdict, string> = { pass: '✓ pass', fail: '✗ FAIL', 'n/a': '' };

/** Display width: CJK and other wide characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A plain-text table, one section per group, with pass/fail marks beside targeted figures. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['metric', 'value', 'target', 'result', 'note'];
  const cells = rows.map((r) => [r.metric, formatValue(r), formatTarget(r), MARK[verdict(r)], r.note ?? '']);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i] ?? ''))));
  const align: ('left' | 'right')[] = ['left', 'right', 'left', 'left', 'left'];
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();

  const out: string[] = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
  let group: string | null = null;
  rows.forEach((row, i) => {
    if (row.group !== group) {
      if (group !== null) out.push('');
      out.push(`[${row.group}]`);
      group = row.group;
    }
    out.push(line(cells[i] ?? []));
  });
  const failed = rows.filter((r) => verdict(r) === 'fail').length;
  const judged = rows.filter((r) => verdict(r) !== 'n/a').length;
  out.push('', judged === 0 ? 'no targeted figures measured' : `targets: ${judged - failed}/${judged} met`);
  return out.join('\n');
}

/** The group the bench puts a corpus size's own figures in. */
export function sizeGroup(size: number): string {
  return `${size.toLocaleString('en-US')} articles`;
}

/** A metric's name with its counts taken out ("RSS after 933 old articles" and "after 1,000" are one row). */
const metricKey = (metric: string) => metric.replace(/\d[\d,.]*/g, '#');

/**
 * Each figure measured at both the smallest and the largest corpus size, side by side with how many
 * times it grew: what issue 13 asks to see of an archive growing from 1,000 to 100,000 articles.
 * Empty when fewer than two sizes were measured.
 */
export function formatGrowth(rows: BenchRow[], sizes: readonly number[]): string {
  if (sizes.length < 2) return '';
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  const of = (size: number) => {
    const byKey = new Map<string, BenchRow>();
    for (const row of rows)
      if (row.group === sizeGroup(size) && row.value !== null) byKey.set(metricKey(row.metric), row);
    return byKey;
  };
  const before = of(small);
  const pairs = [...of(large)].flatMap(([key, after]) => {
    const first = before.get(key);
    return first && first.unit === after.unit ? [{ metric: after.metric, first, after }] : [];
  });
  if (pairs.length === 0) return '';
  const header = ['metric', sizeGroup(small), sizeGroup(large), 'growth'];
  const cells = pairs.map(({ metric, first, after }) => [
    metric,
    formatValue(first),
    formatValue(after),
    first.value === 0 ? '—' : `${formatNumber((after.value as number) / (first.value as number))} ×`,
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i] ?? ''))));
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, i === 0 ? 'left' : 'right'))
      .join('  ')
      .trimEnd();
  return [
    `Growth from ${sizeGroup(small)} to ${sizeGroup(large)}`,
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}
