// The requests-per-second stage of `npm run bench`: one cached article under load from plain `next start`,
// from `npm start` (the response cache in front of Next) and from a static file server with the same
// HTML, the baseline; and the rows it prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatNumber, type BenchRow } from './report';
import { startNextServer, startStaticServer, type RunningServer, type StageContext } from './servers';
import { measureThroughput, type Throughput } from './throughput';

export type RpsResult = {
  next: Throughput;
  npmStart: Throughput | null;
  static: Throughput;
  ratio: number;
  npmStartRatio: number | null;
  loadAverage: number;
};

/** Requests per second for one cached article: `next start`, `npm start`, and a plain static server. */
export async function measureRps(
  stage: StageContext,
  server: RunningServer,
  articlePath: string,
  html: Buffer,
): Promise<RpsResult> {
  const { log, logFile } = stage;
  const { connections, durationSec, warmupSec } = stage.options;
  const load = (url: string) => measureThroughput({ url, connections, durationSec, warmupSec });
  const loadAverage = os.loadavg()[0] ?? 0;
  if (loadAverage > 1.5)
    log(`the machine is busy (load ${loadAverage.toFixed(2)} on ${os.cpus().length} CPUs): req/s will be noisy`);
  log(`requests/second: next start, ${connections} connections, ${warmupSec} s warm-up + ${durationSec} s`);
  const next = await load(server.baseUrl + articlePath);

  // The same build behind `npm start`, whose response cache answers repeat requests the way a CDN in
  // front of `next start` does. A failure here must not hide the other figures.
  let npmStart: Throughput | null = null;
  let site: RunningServer | null = null;
  try {
    site = await startNextServer({
      cwd: stage.root,
      env: stage.env,
      logFile: logFile(`npm-start-${stage.size}`),
      via: 'npm-start',
    });
    log('requests/second: npm start (response cache in front of Next), same load');
    npmStart = await load(site.baseUrl + articlePath);
  } catch (error) {
    log(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await site?.stop();
  }

  const file = path.join(stage.benchDir, `static-${stage.size}`, 'article.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  const baseline = await startStaticServer({ cwd: stage.root, file, logFile: logFile(`static-${stage.size}`) });
  try {
    log('requests/second: static file server, same HTML, same load');
    const plain = await load(baseline.baseUrl + articlePath);
    const ratio = (t: Throughput) => (plain.requestsPerSec > 0 ? t.requestsPerSec / plain.requestsPerSec : 0);
    return {
      next,
      npmStart,
      static: plain,
      ratio: ratio(next),
      npmStartRatio: npmStart ? ratio(npmStart) : null,
      loadAverage,
    };
  } finally {
    await baseline.stop();
  }
}

export function rpsRows(group: string, r: RpsResult, ratioTarget: number): BenchRow[] {
  const note = (t: Throughput) =>
    `p50 ${formatNumber(t.latencyP50Ms)} ms, p99 ${formatNumber(t.latencyP99Ms)} ms` +
    (t.failures > 0 ? `; ${t.failures} FAILED requests` : '');
  const load = `load average ${r.loadAverage.toFixed(2)} before the runs`;
  return [
    { group, metric: 'cached article, next start', value: r.next.requestsPerSec, unit: 'req/s', note: note(r.next) },
    r.npmStart
      ? {
          group,
          metric: 'cached article, npm start',
          value: r.npmStart.requestsPerSec,
          unit: 'req/s',
          note: `${note(r.npmStart)}; response cache in front of Next`,
        }
      : {
          group,
          metric: 'cached article, npm start',
          value: null,
          unit: 'req/s',
          note: 'npm start failed: see the log',
        },
    {
      group,
      metric: 'same HTML, static file server',
      value: r.static.requestsPerSec,
      unit: 'req/s',
      note: note(r.static),
    },
    {
      group,
      metric: 'next start ÷ static server',
      value: r.ratio,
      unit: '×',
      note: `plain next start, as behind a CDN that does the caching; ${load}`,
    },
    {
      group,
      metric: 'npm start ÷ static server',
      value: r.npmStartRatio,
      unit: '×',
      target: { op: '>=', limit: ratioTarget },
      note: `what \`npm start\` serves; ${load}`,
    },
  ];
}
