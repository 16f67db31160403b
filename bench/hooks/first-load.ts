// Bench hook for issue 16: first-load JavaScript per page type and an article page's main-thread time
// with the CPU slowed 4×, on the smallest corpus's site.
import { chromiumPath } from '../chromium';
import { measureFirstLoad, measureMainThread, pagePaths, type PageKind } from '../first-load';
import type { BenchContext, BenchHook } from '../registry';
import type { BenchRow } from '../report';

const KiB = 1024;
/** Issue 16's targets: first-load JS on the article and home pages, TBT. */
const TARGETS = { firstLoadKiB: 90, longTaskMs: 200 };

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const server = await ctx.startServer('first-load');
  const paths = await pagePaths(server.baseUrl);
  const group = 'first load (issue 16)';
  const rows: BenchRow[] = [];
  for (const kind of ['home', 'article', 'category', 'search'] as PageKind[]) {
    const r = await measureFirstLoad(server.baseUrl, kind, paths[kind]);
    const ours = r.weight.jsGzipBytes - r.frameworkGzipBytes;
    rows.push({
      group,
      metric: `${kind}: first-load JS, gzip`,
      value: r.weight.jsGzipBytes / KiB,
      unit: 'KiB',
      target: kind === 'home' || kind === 'article' ? { op: '<', limit: TARGETS.firstLoadKiB } : undefined,
      note: `${r.weight.scripts.length} scripts: framework ${(r.frameworkGzipBytes / KiB).toFixed(1)} KiB (React, Next's router, Turbopack), ours ${(ours / KiB).toFixed(1)} KiB; HTML ${(r.weight.htmlGzipBytes / KiB).toFixed(1)} KiB gzip`,
    });
  }
  ctx.log('tracing five article loads with the CPU slowed 4×');
  const main = await measureMainThread(server.baseUrl + paths.article, { executablePath: chromiumPath() });
  rows.push(
    {
      group,
      metric: 'article: main-thread time, CPU 4× slower',
      value: main.medianMs,
      unit: 'ms',
      note: `median of ${main.runsMs.length} traced loads (${main.runsMs.map((v) => v.toFixed(0)).join(', ')} ms); script ${main.scriptMs.toFixed(0)} ms`,
    },
    {
      group,
      metric: 'article: blocking time after first paint',
      value: main.longTaskMs,
      unit: 'ms',
      target: { op: '<', limit: TARGETS.longTaskMs },
      note: 'Total Blocking Time as Lighthouse counts it: long tasks from first contentful paint to the page settling',
    },
  );
  return rows;
}

export const firstLoadBench: BenchHook = {
  name: 'first-load',
  description: 'first-load JS per page type and main-thread time of an article load, CPU 4× slower (issue 16)',
  corpus: 'smallest',
  run,
};
