// `npm run content:check [-- --verbose] [-- --strict]`: reads every content file the way the site does and
// says what became of each. Exits 1 when a file is left out (or, with --strict, on any warning too).
import { parseArgs } from 'node:util';
import { ConfigError, getConfig } from '@/lib/config';
import { scanContent } from '@/lib/content/load';
import { formatProblem } from '@/lib/content/problems';
import { articlePath } from '@/lib/content/paths';
import { describeWait } from '@/lib/format/countdown';
import { formatIsoDateTime } from '@/lib/format/date';

const USAGE = `Usage: npm run content:check [-- --verbose] [-- --strict]

  --verbose   one line per file: its address, body format, and the front-matter keys it ignores
  --strict    exit 1 on warnings too, not only when a file is left out
`;

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        verbose: { type: 'boolean', short: 'v' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  console.log(`Checking ${config.contentDir} (dates without a zone read in ${config.timeZone})`);
  const { articles, problems, records } = scanContent({ dir: config.contentDir, timeZone: config.timeZone });
  for (const problem of problems) console.log(formatProblem(problem));

  if (args.verbose) {
    const kept = new Map(articles.map((a) => [a.file, a]));
    for (const { file, parsed } of records) {
      const meta = kept.get(file);
      const own = problems.filter((p) => p.file === file);
      const status = meta
        ? `${articlePath(meta.slug)} (${meta.format}${meta.draft ? ', draft' : ''}${own.length ? `, ${count(own.length, 'warning')}` : ''})`
        : 'left out';
      const ignored = parsed.ignoredKeys.length ? `; ignored keys: ${parsed.ignoredKeys.join(', ')}` : '';
      console.log(`${meta ? '✓' : '✗'} ${file} → ${status}${ignored}`);
    }
  }

  // The schedule: articles dated in the future go live by themselves at their time (no rebuild).
  const now = Date.now();
  const scheduled = articles
    .filter((a) => !a.draft && Date.parse(a.date) > now)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.slug < b.slug ? -1 : 1));
  if (scheduled.length > 0) {
    console.log(
      `Scheduled (${count(scheduled.length, 'article')}, soonest first; each goes live by itself at its time):`,
    );
    for (const a of scheduled) {
      const at = Date.parse(a.date);
      console.log(
        `  ${formatIsoDateTime(a.date, config.timeZone)}  ${describeWait(at, now)}  ${decodeURI(articlePath(a.slug))}  (${a.file})`,
      );
    }
  }

  const drafts = articles.filter((a) => a.draft).length;
  const excluded = new Set(problems.filter((p) => p.excluded).map((p) => p.file)).size;
  const warnings = problems.filter((p) => !p.excluded).length;
  console.log(
    [
      count(articles.length - drafts, 'article') + (scheduled.length > 0 ? ` (${scheduled.length} scheduled)` : ''),
      count(drafts, 'draft'),
      count(warnings, 'warning'),
      `${excluded} left out`,
    ].join(', '),
  );
  return excluded > 0 || (args.strict && warnings > 0) ? 1 : 0;
}

process.exitCode = main();
