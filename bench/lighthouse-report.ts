// `npm run lighthouse`: its arguments, the figures it keeps from a Lighthouse result, and the targets
// (issue 6) they are judged against. Pure functions; scripts/lighthouse.ts does the running.
import type { BenchRow, Target } from './report';

export const USAGE = `Usage: npm run lighthouse -- [options]

Runs Lighthouse (mobile profile) on the home page and an article page and prints the four category
scores with LCP, CLS and TBT. Without --url it starts the production build (building it first if there
is none) with \`node server/start.cjs\` on a free port, a temporary DATA_DIR and a generated AUTH_SECRET.

  --url <origin>     measure a server that is already running (e.g. http://127.0.0.1:3000)
  --article <path>   the article page to measure (default: the first article linked from the home page)
  --strict           exit 1 when a target is missed (otherwise the table only reports it)
  --out <dir>        also save each page's full Lighthouse report there as JSON
  -h, --help         this text

Browser: CHROMIUM_PATH, else CHROME_PATH, else /usr/bin/chromium, else whatever chrome-launcher finds.
Targets: performance >= 95, accessibility 100, best practices 100, SEO 100, CLS 0.`;

export type LighthouseOptions = {
  url: string | null;
  article: string | null;
  strict: boolean;
  out: string | null;
  help: boolean;
};

export class ArgsError extends Error {}

function valueOf(argv: string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
  return value;
}

export function parseLighthouseArgs(argv: string[]): LighthouseOptions {
  const options: LighthouseOptions = { url: null, article: null, strict: false, out: null, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const take = () => {
      if (inline !== undefined) return inline;
      const value = valueOf(argv, i, flag);
      i += 1;
      return value;
    };
    switch (flag) {
      case '--url': {
        const raw = take();
        let parsed: URL;
        try {
          parsed = new URL(raw);
        } catch {
          throw new ArgsError(`--url: "${raw}" is not a URL (expected an origin such as http://127.0.0.1:3000)`);
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
          throw new ArgsError(`--url: "${raw}" is not http(s)`);
        options.url = parsed.origin;
        break;
      }
      case '--article': {
        const value = take();
        if (!value.startsWith('/'))
          throw new ArgsError(
            `--article: "${value}" must be a path starting with / (e.g. /articles/night-train-notes)`,
          );
        options.article = value;
        break;
      }
      case '--out':
        options.out = take();
        break;
      case '--strict':
        options.strict = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new ArgsError(`unknown argument "${arg}"`);
    }
  }
  return options;
}

/** The part of a Lighthouse result (LH.Result) this script reads. */
export type LighthouseResult = {
  categories: Record<
    string,
    { title: string; score: number | null; auditRefs: { id: string; weight: number }[] } | undefined
  >;
  audits: Record<
    string,
    | { title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string }
    | undefined
  >;
  runtimeError?: { code: string; message: string };
};

export const CATEGORIES: { id: string; label: string; target: Target }[] = [
  { id: 'performance', label: 'performance', target: { op: '>=', limit: 95 } },
  { id: 'accessibility', label: 'accessibility', target: { op: '>=', limit: 100 } },
  { id: 'best-practices', label: 'best practices', target: { op: '>=', limit: 100 } },
  { id: 'seo', label: 'SEO', target: { op: '>=', limit: 100 } },
];

/** One page's figures as table rows: the four scores (0–100), then LCP, CLS and TBT. */
export function resultRows(page: string, lhr: LighthouseResult): BenchRow[] {
  const rows: BenchRow[] = CATEGORIES.map(({ id, label, target }) => {
    const score = lhr.categories[id]?.score;
    return {
      group: page,
      metric: label,
      value: typeof score === 'number' ? Math.round(score * 100) : null,
      unit: '',
      target,
    };
  });
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const lcp = metric('largest-contentful-paint');
  const cls = metric('cumulative-layout-shift');
  const tbt = metric('total-blocking-time');
  rows.push(
    { group: page, metric: 'LCP', value: lcp === null ? null : Math.round(lcp), unit: 'ms' },
    // Three decimals: the target is "no shift", and a shift too small to show there is none a reader sees.
    {
      group: page,
      metric: 'CLS',
      value: cls === null ? null : Math.round(cls * 1000) / 1000,
      unit: '',
      target: { op: '<=', limit: 0 },
    },
    { group: page, metric: 'TBT', value: tbt === null ? null : Math.round(tbt), unit: 'ms' },
  );
  for (const row of rows) if (row.value === null) row.note = lhr.runtimeError ? lhr.runtimeError.code : 'not measured';
  return rows;
}

/** For each category below 100: the audits that cost it points, so a missed target says what to fix. */
export function losingAudits(lhr: LighthouseResult): string[] {
  const lines: string[] = [];
  for (const { id, label } of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === 1) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (ref.weight === 0 && audit.scoreDisplayMode !== 'binary') continue;
      const shown = audit.displayValue ? ` (${audit.displayValue})` : '';
      lines.push(`${label}: ${ref.id} — ${audit.title}${shown}, score ${Math.round(audit.score * 100)}`);
    }
  }
  return lines;
}

/** The first article address linked from a page's HTML, for measuring "an article page". */
export function firstArticlePath(html: string): string | null {
  const match = /href="(\/articles\/[^"#?]+)[^"]*"/.exec(html);
  return match?.[1] ?? null;
}
