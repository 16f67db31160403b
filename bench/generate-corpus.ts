// Writes large synthetic corpora (the articles of corpus-article.ts, half HTML, half Markdown) into corpus
// folders for `npm run bench` and load tests, and adds new articles to one for the rebuild bench. Same
// seed, same bytes; article i depends only on (seed, i), so a 1,000-article corpus is the first 1,000
// articles of the 10,000-article one.
// CLI: npx tsx bench/generate-corpus.ts --count 10000 --out .bench/corpus-10000 [--seed 20211201]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DATES_END, renderCorpusArticle, utf8Bytes } from './corpus-article';

export type CorpusOptions = {
  /** Folder to (re)create; wiped first, but only if it is empty or a corpus this script wrote. */
  dir: string;
  count: number;
  /** Any 32-bit integer; defaults to DEFAULT_SEED. */
  seed?: number;
};

export type CorpusSummary = {
  dir: string;
  count: number;
  drafts: number;
  /** Total bytes written, front matter included. */
  bytes: number;
  /** File names in index order, relative to `dir`. */
  files: string[];
};

export const DEFAULT_SEED = 20211201;

/** Dropped in every corpus folder so a rerun may wipe it, and nothing else gets wiped by mistake. */
export const CORPUS_MARKER = '.hutong-corpus';

function prepareDir(dir: string): void {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(CORPUS_MARKER)) {
      throw new Error(
        `${dir}: refusing to wipe a non-empty folder that generate-corpus did not create (no ${CORPUS_MARKER} file)`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, CORPUS_MARKER),
    'Synthetic corpus written by bench/generate-corpus.ts; rerunning it wipes this folder.\n',
  );
}

/** Wipes `dir` (see CorpusOptions.dir) and writes `count` articles into it. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { count } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`generate-corpus: count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`generate-corpus: seed must be an integer, got ${seed}`);
  const dir = path.resolve(options.dir);
  prepareDir(dir);

  const files: string[] = [];
  let drafts = 0;
  let bytes = 0;
  // Writes run a batch at a time: enough to keep the disk busy without holding the corpus in memory.
  const batch = 256;
  for (let start = 0; start < count; start += batch) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const article = renderCorpusArticle(seed, i);
      files.push(article.name);
      if (article.draft) drafts++;
      bytes += utf8Bytes(article.text);
      writes.push(fs.promises.writeFile(path.join(dir, article.name), article.text));
    }
    await Promise.all(writes);
  }
  return { dir, count, drafts, bytes, files };
}

/**
 * Adds `count` new articles to a corpus of `existing` (as a feed adds them: dated after every article in
 * it, an hour apart), numbered on from it, so the same seed always adds the same files. Returns their names.
 */
export async function addCorpusArticles(
  dir: string,
  existing: number,
  count: number,
  seed: number = DEFAULT_SEED,
): Promise<string[]> {
  if (!fs.existsSync(path.join(dir, CORPUS_MARKER)))
    throw new Error(`${dir}: not a generated corpus (no ${CORPUS_MARKER} file); run generate-corpus first`);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const article = renderCorpusArticle(seed, existing + i, { date: new Date(CORPUS_DATES_END + (i + 1) * 3_600_000) });
    await fs.promises.writeFile(path.join(dir, article.name), article.text);
    names.push(article.name);
  }
  return names;
}

type CliArgs = { count: number; out: string; seed: number };

function parseArgs(argv: string[]): CliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: npx tsx bench/generate-corpus.ts --count N [--out DIR] [--seed S]\n  default out: .bench/corpus-N; default seed: ' +
          DEFAULT_SEED,
      );
      process.exit(0);
    }
    const match = /^--(count|out|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`generate-corpus: unknown argument "${arg}" (try --help)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`generate-corpus: --${match[1]} needs a value`);
    values.set(match[1] as string, value);
  }
  const count = Number(values.get('count') ?? '1000');
  const seed = Number(values.get('seed') ?? String(DEFAULT_SEED));
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`generate-corpus: --count must be a whole number, got "${values.get('count')}"`);
  if (!Number.isInteger(seed))
    throw new Error(`generate-corpus: --seed must be an integer, got "${values.get('seed')}"`);
  return { count, seed, out: values.get('out') ?? `.bench/corpus-${count}` };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const summary = await generateCorpus({ dir: args.out, count: args.count, seed: args.seed });
  const seconds = (performance.now() - started) / 1000;
  const mb = summary.bytes / 1024 / 1024;
  console.log(
    `Wrote ${summary.count} articles (${summary.drafts} drafts, ${mb.toFixed(1)} MB) to ${path.relative(process.cwd(), summary.dir) || '.'} in ${seconds.toFixed(2)} s (seed ${args.seed})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
