// `npm run content:check`: validates every content file and lists each problem; exits 1 unless clean.
import { ConfigError, getConfig } from '@/lib/config';
import { scanContent } from '@/lib/content/load';
import { formatProblem } from '@/lib/content/problems';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function main(): number {
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
  const { articles, problems } = scanContent({ dir: config.contentDir, timeZone: config.timeZone });
  for (const problem of problems) console.log(formatProblem(problem));

  const drafts = articles.filter((a) => a.draft).length;
  const excluded = new Set(problems.filter((p) => p.excluded).map((p) => p.file)).size;
  const summary = [
    count(articles.length - drafts, 'article'),
    count(drafts, 'draft'),
    count(problems.length, 'problem'),
  ];
  if (excluded > 0) summary.push(`${count(excluded, 'file')} left out`);
  console.log(summary.join(', '));
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main();
