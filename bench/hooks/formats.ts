// Bench hook for issue 12: Markdown bodies next to HTML ones (render time per body, throughput) and the content
// index of the whole corpus, half of it Markdown, over the largest corpus.
import { getConfig } from '@/lib/config';
import { benchBodyFormats, type FormatFigures } from '../body-formats';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

function formatRows(group: string, label: string, f: FormatFigures | null): BenchRow[] {
  if (!f)
    return [
      { group, metric: `${label}: render per body`, value: null, unit: 'ms', note: 'no such body in the corpus' },
    ];
  return [
    {
      group,
      metric: `${label}: render per body, mean`,
      value: f.meanMs,
      unit: 'ms',
      note: `${f.files.toLocaleString('en-US')} bodies of ${f.meanKiB.toFixed(1)} KiB on average; p50 ${f.p50Ms.toFixed(2)} ms, p95 ${f.p95Ms.toFixed(2)} ms`,
    },
    {
      group,
      metric: `${label}: throughput`,
      value: f.MiBps,
      unit: 'MiB/s',
      note: 'parse, transforms, sanitizer, analysis',
    },
  ];
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const r = benchBodyFormats({ dir: ctx.corpusDir, timeZone: getConfig().timeZone, log: ctx.log });
  const group = `body formats, ${r.files.toLocaleString('en-US')} files`;
  return [
    ...formatRows(group, 'HTML', r.byFormat.html),
    ...formatRows(group, 'Markdown', r.byFormat.markdown),
    {
      group,
      metric: 'Markdown / HTML, time per KiB',
      value: r.markdownOverHtml,
      unit: '×',
      note: 'remark (micromark) against the fast exact HTML parser',
    },
    {
      group,
      metric: 'content index, no parse cache',
      value: r.indexSeconds,
      unit: 's',
      note: 'every file read, parsed and analysed once, as a clean build does',
    },
  ];
}

export const formatsBench: BenchHook = {
  name: 'formats',
  description: 'Markdown against HTML bodies, and the content index (issue 12)',
  corpus: 'largest',
  needsBuild: false,
  run,
};
