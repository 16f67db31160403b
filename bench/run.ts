// `npm run bench` (issue 2, "Proof"): builds synthetic corpora from clean and prints build time and memory,
// article page weight, and requests/second next to a plain static server; feature benches plug in as hooks.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { ArgsError, parseBenchArgs, USAGE, type BenchOptions } from './args';
import { runNextBuild, type BuildResult } from './build';
import { ADDED_BEFORE_REBUILD, buildRows, phaseReport, REBUILD_LABEL, type BuildTarget } from './build-report';
import { installInterruptHandlers } from './children';
import {
  chooseArticles,
  corpusPaths,
  rememberRequested,
  writeCorpus,
  type ArticleChoice,
  type CorpusPaths,
} from './corpus';
import { siteIndexFile } from '@/lib/content/index-path.mjs';
import { articlePath } from '@/lib/content/paths';
import { addCorpusArticles } from './generate-corpus';
import { bookmarksBench } from './hooks/bookmarks';
import { firstLoadBench } from './hooks/first-load';
import { highlightsBench } from './hooks/highlights';
import { formatsBench } from './hooks/formats';
import { searchBench } from './hooks/search';
import { searchPageBench } from './hooks/search-page';
import { guardNextTouchedFiles, type Restorer } from './project-files';
import { registerBench, registeredBenches } from './registry';
import { runHooks } from './hooks-stage';
import { buildEnv, errorText, log, logFile, rel, serverEnv, type Run } from './run-context';
import { formatGrowth, formatTable, sizeGroup } from './report';
import { measureRps, rpsRows, type RpsResult } from './rps-stage';
import { measureServers, oldArticlePaths } from './serve-memory';
import { getOk, measurePages, serveRows, type ServeResult } from './serve-stage';
import { machine } from './machine';
import { startNextServer, type RunningServer, type StageContext } from './servers';

/*
 * Feature benches, run after the site benches, each against one corpus, with its own server(s)
 * when it needs them (see BenchHook in bench/registry.ts; `--only <name>` runs one).
 * To add one: write bench/hooks/<name>.ts exporting a BenchHook and register it here.
 *  - bookmarks (issue 3): benchBookmarks() from scripts/bench-bookmarks.ts against the smallest
 *    corpus's site, on PGlite, and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
 *    is set. Target: toggle p95 < 50 ms.
 *  - search (issue 5): benchSearch() from scripts/bench-search.ts over the largest corpus.
 *  - search-page (issue 13): the search page under load via npm start, distinct and repeated queries.
 *    Targets: query p95 < 20 ms, index < 300 MiB.
 *  - formats (issue 12): render time per body, Markdown next to HTML, and the content index with no
 *    parse cache, over the largest corpus (half of it Markdown). No target of its own: the build's holds.
 *  - first-load (issue 16): first-load JS (gzip) per page type, framework and ours apart, and the
 *    main-thread time of an article load in Chromium with the CPU slowed 4× (median of five traces).
 *    Targets: ≤ 90 KiB on home and article pages; long-task time ≤ 200 ms.
 *  - highlights (issue 14): saving a highlight under 50 readers (open loop, p95 < 50 ms) on PGlite and
 *    PostgreSQL, and the main-thread time of anchoring and painting 200 highlights on the longest article
 *    with the CPU slowed 4× (median of five loads).
 */
registerBench(bookmarksBench);
registerBench(searchBench);
registerBench(searchPageBench);
registerBench(formatsBench);
registerBench(firstLoadBench);
registerBench(highlightsBench);

const TARGETS = {
  /** Clean builds: 10,000 articles (issue 6), 100,000 articles (issue 13). */
  builds: [
    { size: 10_000, sec: 45, mib: 2048 },
    { size: 100_000, sec: 300, mib: 4096 },
  ] satisfies BuildTarget[],
  /** The rebuild after adding 100 articles to a built 100,000 (issue 13). */
  rebuilds: [{ size: 100_000, sec: 60 }] satisfies BuildTarget[],
  rpsRatio: 0.5,
};

const MiB = 1024 * 1024;

/**
 * `next`: plain `next start`; `npmStart`: server/start.cjs (`npm start`), which puts the response cache in front of Next.
 * `loadAverage` is the 1-minute load just before the runs: above ~1.5 on two cores, others were busy and req/s is noisy.
 */
type SizeResult = {
  size: number;
  corpus?: { files: number; drafts: number; bytes: number; seconds: number };
  build?: BuildResult;
  rebuild?: BuildResult;
  serve?: ServeResult;
  rps?: RpsResult;
  errors: string[];
};

/** Restorers for builds in flight, so an interrupted build still puts tsconfig.json and next-env.d.ts back. */
const pendingRestores = new Set<Restorer>();

function restoreProjectFiles(restorer: Restorer): void {
  pendingRestores.delete(restorer);
  const { restored, kept } = restorer.restore();
  if (restored.length > 0) log(`put back ${restored.join(' and ')} (next build had pointed them at the bench build)`);
  if (kept.length > 0)
    log(`left ${kept.join(' and ')} alone: changed by someone else during the build; check them by hand`);
}

async function timedBuild(run: Run, paths: CorpusPaths, label: string, file: string): Promise<BuildResult> {
  log(`${label}: next build of ${paths.size} articles (log in ${rel(run, logFile(run, file))})`);
  const restorer = guardNextTouchedFiles(run.root, rel(run, paths.distDir));
  pendingRestores.add(restorer);
  let result: BuildResult;
  try {
    result = await runNextBuild({
      cwd: run.root,
      env: buildEnv(run, paths),
      logFile: logFile(run, file),
      onLine: (line) => console.error(`  │ ${line}`),
    });
  } finally {
    restoreProjectFiles(restorer);
  }
  log(
    `${label}: ${result.ok ? 'done' : `FAILED (exit ${result.exitCode})`} in ${result.wallSec.toFixed(1)} s, peak ${Math.round(result.peakRssBytes / MiB)} MiB`,
  );
  return result;
}

async function benchSize(run: Run, size: number): Promise<SizeResult> {
  const { options, rows } = run;
  const group = sizeGroup(size);
  const paths = corpusPaths(run.benchDir, size);
  const result: SizeResult = { size, errors: [] };
  const fail = (stage: string, error: unknown) => {
    const message = errorText(error);
    result.errors.push(`${stage}: ${message}`);
    rows.push({ group, metric: `${stage} failed`, value: null, unit: '', note: message.split('\n')[0] });
    log(`${group}, ${stage} failed: ${message}`);
  };

  if (options.stages.has('build') && !options.skipBuild) {
    log(`generating ${size} articles into ${rel(run, paths.corpusDir)}`);
    const corpus = await writeCorpus(paths.corpusDir, size, options.seed);
    result.corpus = { files: corpus.count, drafts: corpus.drafts, bytes: corpus.bytes, seconds: corpus.seconds };
    rows.push({
      group,
      metric: 'corpus',
      value: corpus.bytes / MiB,
      unit: 'MiB',
      note: `${corpus.count.toLocaleString('en-US')} files (${corpus.drafts} drafts), written in ${corpus.seconds.toFixed(1)} s`,
    });

    // Clean: no build folder and no site index beside it (the index step would reuse its rows).
    fs.rmSync(paths.distDir, { recursive: true, force: true });
    fs.rmSync(path.dirname(path.resolve(run.root, siteIndexFile(path.relative(run.root, paths.distDir)))), {
      recursive: true,
      force: true,
    });
    result.build = await timedBuild(run, paths, 'clean build', `build-${size}-clean`);
    rows.push(...buildRows(group, 'clean build', size, result.build, TARGETS.builds));
    if (!result.build.ok) {
      fail(
        'build',
        `next build exited ${result.build.exitCode}; see ${rel(run, result.build.logFile)}\n${result.build.tail.join('\n')}`,
      );
      return result;
    }
    if (options.rebuild) {
      const added = await addCorpusArticles(paths.corpusDir, size, ADDED_BEFORE_REBUILD, options.seed ?? undefined);
      log(`added ${added.length} articles to ${rel(run, paths.corpusDir)} for the rebuild`);
      result.rebuild = await timedBuild(run, paths, REBUILD_LABEL, `build-${size}-warm`);
      rows.push(...buildRows(group, REBUILD_LABEL, size, result.rebuild, TARGETS.rebuilds));
      if (!result.rebuild.ok)
        fail('rebuild', `next build exited ${result.rebuild.exitCode}; see ${rel(run, result.rebuild.logFile)}`);
    }
  }

  if (!options.stages.has('serve') && !options.stages.has('rps')) return result;
  if (!fs.existsSync(path.join(paths.distDir, 'BUILD_ID'))) {
    fail('serve', `no finished build in ${rel(run, paths.distDir)}: run the bench without --skip-build first`);
    return result;
  }

  let articles: ArticleChoice;
  try {
    articles = chooseArticles(paths.corpusDir, paths.distDir, getConfig().timeZone);
  } catch (error) {
    fail('serve', error);
    return result;
  }

  const stage: StageContext = {
    root: run.root,
    benchDir: run.benchDir,
    size,
    distDir: paths.distDir,
    env: serverEnv(run, paths),
    options: run.options,
    logFile: (name: string) => logFile(run, name),
    log,
  };
  let server: RunningServer | null = null;
  try {
    log(`starting next start on ${rel(run, paths.distDir)}`);
    // Its first request is an old article nothing has asked for (not the one measurePages times next):
    // what "start → first answer" times.
    const firstSlug = oldArticlePaths(run.root, paths.distDir, 2).find((slug) => slug !== articles.oldest.slug);
    server = await startNextServer({
      cwd: run.root,
      env: stage.env,
      logFile: logFile(run, `serve-${size}`),
      readyPath: firstSlug === undefined ? '/' : articlePath(firstSlug),
    });
    if (firstSlug !== undefined) rememberRequested(paths.distDir, [firstSlug]);
    const serve = await measurePages(server, articles);
    rememberRequested(paths.distDir, [articles.oldest.slug]);
    if (options.stages.has('serve')) {
      result.serve = serve;
      rows.push(...serveRows(group, serve), ...(await measureServers(stage, group, server)));
    }
    if (options.stages.has('rps')) {
      const html = (await getOk(server.baseUrl + articles.newest.path)).body;
      result.rps = await measureRps(stage, server, articles.newest.path, html);
      rows.push(...rpsRows(group, result.rps, TARGETS.rpsRatio));
    }
  } catch (error) {
    fail(options.stages.has('serve') ? 'serve' : 'rps', error);
  } finally {
    await server?.stop();
  }
  return result;
}

async function main(): Promise<number> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'))) {
    console.error('bench: run it from the repository root after `npm ci` (npm run bench)');
    return 2;
  }
  let options: BenchOptions;
  try {
    options = parseBenchArgs(
      process.argv.slice(2),
      registeredBenches().map((h) => h.name),
    );
  } catch (error) {
    if (error instanceof ArgsError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  installInterruptHandlers(() => {
    console.error('\nbench: interrupted; stopping builds and servers');
    for (const restorer of pendingRestores) restoreProjectFiles(restorer);
  });

  const benchDir = path.join(root, '.bench');
  fs.mkdirSync(benchDir, { recursive: true });
  const run: Run = { root, benchDir, options, rows: [], authSecret: crypto.randomBytes(32).toString('base64url') };
  const startedAt = new Date();
  const host = machine(root);
  log(
    `${host.cpus} × ${host.cpuModel}, ${host.memoryMiB} MiB, Node ${host.node}, Next.js ${host.next}; load ${host.loadAverage.map((n) => n.toFixed(2)).join(' ')}`,
  );

  const sizes: SizeResult[] = [];
  for (const size of options.sizes) sizes.push(await benchSize(run, size));
  const hooks = options.stages.has('hooks') ? await runHooks(run) : [];

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  console.log(
    `\nHutong bench — ${startedAt.toISOString()}, ${host.cpus} CPUs, Node ${host.node}, Next.js ${host.next}${host.commit ? `, ${host.commit}` : ''}\n`,
  );
  console.log(formatTable(run.rows));
  const growth = formatGrowth(run.rows, options.sizes);
  if (growth) console.log(`\n${growth}`);
  console.log(phaseReport(sizes));

  const resultsFile = path.join(benchDir, 'results.json');
  const json = {
    startedAt: startedAt.toISOString(),
    seconds,
    machine: host,
    options: { ...options, stages: [...options.stages] },
    targets: TARGETS,
    rows: run.rows,
    sizes,
    hooks,
  };
  fs.writeFileSync(resultsFile, JSON.stringify(json, null, 2) + '\n');
  console.log(
    `Figures saved to ${rel(run, resultsFile)}; logs in ${rel(run, path.join(benchDir, 'logs'))}/ (${Math.round(seconds)} s in all)`,
  );

  const errors = sizes.reduce((n, s) => n + s.errors.length, 0) + hooks.filter((h) => h.error !== undefined).length;
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
