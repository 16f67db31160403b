// Search bench (issue 5): loads the index file a build wrote for a synthetic corpus (10,000 articles by default),
// or builds the index in memory when there is none, and reports the load time, query latency p50/p95 over
// a fixed mix, and the index's memory as the heap growth after GC.
// The measurement runs in a child `node --expose-gc` so the figure is the index alone, not the caller's heap.
// CLI: npx tsx scripts/bench-search.ts [--dir DIR] [--index-file FILE] [--count 10000] [--seed N] [--json]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getConfig } from '@/lib/config';
import { buildContentIndex, openContentIndex } from '@/lib/content/index';
import { getJieba } from '@/lib/search/jieba';
import { planQuery } from '@/lib/search/plan-query';
import { runQuery } from '@/lib/search/run-query';
import { CORPUS_MARKER, DEFAULT_SEED, generateCorpus } from './generate-corpus';
import { distinctQueries } from './search-page';
import { percentile } from './stats';

export type SearchBenchOptions = {
  /** Content folder to index. Default: `.bench/corpus-<count>` when it exists, else one generated at `.bench/search-corpus-<count>`. */
  dir?: string;
  /** The site index file a build wrote for `dir` (`.hutong/<build folder>/site.db`); when it exists it is opened, not compiled. */
  indexFile?: string;
  /** Articles to generate when no folder exists yet (default 10,000). */
  count?: number;
  seed?: number;
  /** Timed passes over the query mix (after two warm-up passes). */
  rounds?: number;
  /** Progress lines (stderr by default). */
  log?: (message: string) => void;
  /** Print the summary table to stdout (default true). */
  print?: boolean;
};

export type QueryTiming = { query: string; kind: string; hits: number; p50: number; max: number };

export type SearchBenchResult = {
  dir: string;
  articles: number;
  /** Milliseconds to read, render and index every published article (without an index file); null when loaded. */
  buildMs: number | null;
  /** The build's index file: its size, and the milliseconds to load it and check it against the content (server start). */
  file: { path: string; MiB: number; loadMs: number; checkMs: number } | null;
  /** Heap + external memory the built index holds, after GC, in MiB. */
  indexMiB: number;
  /** Search documents in the index file. */
  rows: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perQuery: QueryTiming[];
  /**
   * DISTINCT_ASKED queries, each asked once, after the mix: the repeated rounds above read documents the
   * search keeps (run-query.ts), as a popular query does; these are first asks, as on the search page bench.
   */
  distinct: { samples: number; p50: number; p95: number; max: number };
};

/** Distinct queries asked once each (pieces of the corpus's phrases, as the search page bench asks). */
export const DISTINCT_ASKED = 500;

export const TARGETS = { p95Ms: 20, indexMiB: 300 } as const;

/** Fixed so runs compare: words, two-character substrings, phrases, Latin, several words, nothing found. */
export const QUERY_MIX: ReadonlyArray<{ query: string; kind: string }> = [
  { query: '微信', kind: 'word' },
  { query: '淘宝', kind: 'word' },
  { query: '互联互通', kind: 'word' },
  { query: '小程序', kind: 'word' },
  { query: '直播带货', kind: 'word' },
  { query: '人工智能', kind: 'word' },
  { query: '茶', kind: 'character' },
  { query: '联互', kind: 'substring' },
  { query: '信外', kind: 'substring' },
  { query: '播带', kind: 'substring' },
  { query: '能源', kind: 'substring' },
  { query: '微信外链', kind: 'phrase' },
  { query: '北京的胡同', kind: 'phrase' },
  { query: '外卖骑手老王', kind: 'phrase' },
  { query: '城中村的出租屋', kind: 'phrase' },
  { query: 'B站', kind: 'latin' },
  { query: 'citynotebook', kind: 'latin' },
  { query: 'ID', kind: 'latin' },
  { query: 'cityn', kind: 'latin prefix' },
  { query: '开源 软件', kind: 'several words' },
  { query: '人工智能 算法推荐', kind: 'several words' },
  // Phrases as readers paste them, which leave one-character pieces (人, 的) after segmentation.
  { query: '刚来城市打拼的人 把淘宝店交给了女儿打理', kind: 'long phrases' },
  { query: '身边的人都觉得不可思议 连锁咖啡店的店长', kind: 'long phrases' },
  { query: '淘宝 火星文', kind: 'partial' },
  { query: '火星文', kind: 'nothing' },
];

const MiB = 1024 * 1024;

const round2 = (n: number) => Math.round(n * 100) / 100;

async function resolveCorpus(options: SearchBenchOptions, log: (m: string) => void): Promise<string> {
  if (options.dir) {
    if (!fs.existsSync(options.dir)) throw new Error(`bench-search: ${options.dir}: no such folder`);
    return path.resolve(options.dir);
  }
  const count = options.count ?? 10_000;
  const shared = path.resolve('.bench', `corpus-${count}`);
  if (fs.existsSync(path.join(shared, CORPUS_MARKER))) return shared;
  const own = path.resolve('.bench', `search-corpus-${count}`);
  if (!fs.existsSync(path.join(own, CORPUS_MARKER))) {
    log(`generating ${count} articles into ${path.relative(process.cwd(), own)}`);
    await generateCorpus({ dir: own, count, seed: options.seed ?? DEFAULT_SEED });
  }
  return own;
}

type Gc = () => void;

function memoryNow(gc: Gc): number {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  // `external` already includes ArrayBuffers (the postings are typed arrays).
  return m.heapUsed + m.external;
}

/** The measurement itself; needs `global.gc` (node --expose-gc). */
async function measure(
  dir: string,
  rounds: number,
  log: (m: string) => void,
  gc: Gc,
  indexFile?: string,
): Promise<SearchBenchResult> {
  const before = memoryNow(gc);
  let content;
  let buildMs: number | null = null;
  let file: SearchBenchResult['file'] = null;
  const started = performance.now();
  if (indexFile && fs.existsSync(indexFile)) {
    log(`opening ${path.relative(process.cwd(), indexFile)}`);
    content = openContentIndex(indexFile, dir);
    file = {
      path: indexFile,
      MiB: round2(fs.statSync(indexFile).size / MiB),
      loadMs: Math.round(performance.now() - started),
      checkMs: 0,
    };
  } else {
    // Corpora under .bench/ keep their index file beside them, so a rerun parses nothing again.
    const benchDir = path.resolve('.bench');
    const dbFile = dir.startsWith(benchDir + path.sep) ? path.join(benchDir, `search-${path.basename(dir)}.db`) : null;
    log(`compiling the site index of ${dir}`);
    content = buildContentIndex({ dir, timeZone: getConfig().timeZone, dbFile });
    buildMs = performance.now() - started;
    if (dbFile) file = { path: dbFile, MiB: round2(fs.statSync(dbFile).size / MiB), loadMs: 0, checkMs: 0 };
  }
  getJieba();
  const index = { db: content.db, now: content.now };
  const indexBytes = memoryNow(gc) - before;

  const plans = QUERY_MIX.map((q) => ({ ...q, plan: planQuery(q.query) }));
  const run = (plan: (typeof plans)[number]['plan']) => runQuery(index, plan, { page: 1, pageSize: 12 });
  log(`querying: ${QUERY_MIX.length} queries × ${rounds} rounds`);
  for (let warm = 0; warm < 2; warm++) for (const p of plans) run(p.plan);
  const all: number[] = [];
  const perQuery = plans.map((p) => ({ ...p, times: [] as number[], hits: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const q of perQuery) {
      const t0 = performance.now();
      const page = run(q.plan);
      const ms = performance.now() - t0;
      q.times.push(ms);
      q.hits = page.total;
      all.push(ms);
    }
  }
  all.sort((a, b) => a - b);
  const firstAsks = distinctQueries(DISTINCT_ASKED, 5).map((query) => {
    const plan = planQuery(query);
    const t0 = performance.now();
    run(plan);
    return performance.now() - t0;
  });
  firstAsks.sort((a, b) => a - b);
  return {
    dir,
    articles: content.count,
    buildMs: buildMs === null ? null : Math.round(buildMs),
    file,
    indexMiB: round2(indexBytes / MiB),
    rows: index.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number,
    samples: all.length,
    p50: round2(percentile(all, 50)),
    p95: round2(percentile(all, 95)),
    p99: round2(percentile(all, 99)),
    max: round2(all[all.length - 1] ?? Number.NaN),
    perQuery: perQuery.map((q) => {
      const sorted = [...q.times].sort((a, b) => a - b);
      return {
        query: q.query,
        kind: q.kind,
        hits: q.hits,
        p50: round2(percentile(sorted, 50)),
        max: round2(sorted[sorted.length - 1] ?? Number.NaN),
      };
    }),
    distinct: {
      samples: firstAsks.length,
      p50: round2(percentile(firstAsks, 50)),
      p95: round2(percentile(firstAsks, 95)),
      max: round2(firstAsks[firstAsks.length - 1] ?? Number.NaN),
    },
  };
}

/** Runs this file again under `node --expose-gc` and reads its JSON answer. */
function measureInChild(
  dir: string,
  rounds: number,
  log: (m: string) => void,
  indexFile?: string,
): Promise<SearchBenchResult> {
  const script = fileURLToPath(import.meta.url);
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    script,
    '--child',
    '--dir',
    dir,
    '--rounds',
    String(rounds),
    ...(indexFile ? ['--index-file', indexFile] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => {
      for (const line of String(d).split('\n')) if (line.trim()) log(line.replace(/^bench-search: /, ''));
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`bench-search: the measuring process exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as SearchBenchResult);
      } catch {
        reject(new Error(`bench-search: could not read the measuring process's answer: ${out.slice(0, 200)}`));
      }
    });
  });
}

export function formatSearchBench(r: SearchBenchResult): string {
  const verdict = (ok: boolean) => (ok ? '✓ pass' : '✗ FAIL');
  const lines = [
    `search, ${r.articles.toLocaleString('en-US')} articles (${path.relative(process.cwd(), r.dir) || r.dir})`,
    r.file
      ? r.buildMs === null
        ? `  index file         ${r.file.MiB.toFixed(1)} MiB (SQLite, ${r.rows.toLocaleString('en-US')} documents), opened in ${r.file.loadMs} ms`
        : `  index file         ${r.file.MiB.toFixed(1)} MiB (SQLite, ${r.rows.toLocaleString('en-US')} documents), compiled in ${((r.buildMs ?? 0) / 1000).toFixed(1)} s`
      : `  index build        ${((r.buildMs ?? 0) / 1000).toFixed(1)} s, in memory (no index file)`,
    `  index memory       ${r.indexMiB.toFixed(1)} MiB   target < ${TARGETS.indexMiB} MiB   ${verdict(r.indexMiB < TARGETS.indexMiB)}`,
    `  query p50          ${r.p50.toFixed(2)} ms`,
    `  query p95          ${r.p95.toFixed(2)} ms   target < ${TARGETS.p95Ms} ms   ${verdict(r.p95 < TARGETS.p95Ms)}`,
    `  query p99 / max    ${r.p99.toFixed(2)} / ${r.max.toFixed(2)} ms   (${r.samples} queries, first page with snippets)`,
    `  distinct queries   p50 ${r.distinct.p50.toFixed(2)} ms, p95 ${r.distinct.p95.toFixed(2)} ms, max ${r.distinct.max.toFixed(2)} ms   (${r.distinct.samples}, each asked once)`,
    '  per query (p50 ms, hits):',
    ...r.perQuery.map(
      (q) => `    ${q.p50.toFixed(2).padStart(7)}  ${String(q.hits).padStart(6)}  ${q.query}  (${q.kind})`,
    ),
  ];
  return lines.join('\n');
}

/** Index build time, index memory, and query p50/p95 over QUERY_MIX; prints a summary unless `print: false`. */
export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const log = options.log ?? ((m: string) => console.error(`bench-search: ${m}`));
  const dir = await resolveCorpus(options, log);
  const rounds = options.rounds ?? 20;
  const gc = (globalThis as { gc?: Gc }).gc;
  const indexFile = options.indexFile && fs.existsSync(options.indexFile) ? path.resolve(options.indexFile) : undefined;
  const result = gc
    ? await measure(dir, rounds, log, gc, indexFile)
    : await measureInChild(dir, rounds, log, indexFile);
  if (options.print !== false) console.log(formatSearchBench(result));
  return result;
}

type Cli = {
  dir?: string;
  indexFile?: string;
  count?: number;
  seed?: number;
  rounds?: number;
  json: boolean;
  child: boolean;
};

function parseCli(argv: string[]): Cli {
  const cli: Cli = { json: false, child: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench-search: ${arg} needs a value`);
      return v;
    };
    const whole = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0)
        throw new Error(`bench-search: ${arg} expects a whole number > 0, got "${v}"`);
      return n;
    };
    if (arg === '--dir') cli.dir = value();
    else if (arg === '--index-file') cli.indexFile = value();
    else if (arg === '--count') cli.count = whole(value());
    else if (arg === '--seed') cli.seed = Number(value());
    else if (arg === '--rounds') cli.rounds = whole(value());
    else if (arg === '--json') cli.json = true;
    else if (arg === '--child') cli.child = true;
    else
      throw new Error(
        `bench-search: unknown argument "${arg}" (options: --dir, --index-file, --count, --seed, --rounds, --json)`,
      );
  }
  return cli;
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.child) {
    const gc = (globalThis as { gc?: Gc }).gc;
    if (!gc || !cli.dir) throw new Error('bench-search: --child needs --dir and node --expose-gc');
    const result = await measure(
      cli.dir,
      cli.rounds ?? 20,
      (m) => console.error(`bench-search: ${m}`),
      gc,
      cli.indexFile,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const result = await benchSearch({
    dir: cli.dir,
    indexFile: cli.indexFile,
    count: cli.count,
    seed: cli.seed,
    rounds: cli.rounds,
    print: !cli.json,
  });
  if (cli.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
