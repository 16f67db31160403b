// The build's search index step (run by `npm run build` through scripts/build.mjs, beside `next build`):
// indexes the published articles (no drafts, no scheduled ones) into the index file the server loads.
// The previous build's file, kept under <build folder>/cache/, is reused for every article whose file
// is unchanged, so a rebuild tokenizes only what changed.
// CLI: npx tsx scripts/build-search-index.ts [--out FILE] [--previous FILE]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, getConfig } from '@/lib/config';
import { codeFingerprint } from '@/lib/content/cache';
import { buildContentIndex } from '@/lib/content/index';
import type { ArticleMeta } from '@/lib/content/types';
import { treeText } from '@/lib/search/article-text';
import {
  IndexFileError,
  indexFilePath,
  readIndexFile,
  writeIndexFile,
  type StoredIndex,
} from '@/lib/search/index-file';
import { updateIndex } from '@/lib/search/update-index';

const MiB = 1024 * 1024;

export type BuildIndexResult = {
  file: string;
  articles: number;
  carried: number;
  indexed: number;
  bytes: number;
  seconds: number;
};

/**
 * Identifies the code whose output the index holds: the content and rendering code (the article text)
 * and the search code (folding, tokenizing). A previous index made by other code is not reused.
 */
export function searchCodeFingerprint(cwd: string = process.cwd()): string {
  const hash = createHash('sha1').update(codeFingerprint(cwd));
  const dir = path.join(cwd, 'lib', 'search');
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .sort();
  } catch {
    // No sources on disk: the content fingerprint alone.
  }
  for (const name of names) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

/** The previous index to start from, or null (none yet, other code, damaged: then everything is indexed). */
function previousIndex(file: string, code: string, log: (m: string) => void): StoredIndex | null {
  try {
    const previous = readIndexFile(file);
    if (previous.code === code) return previous;
    log(`not reusing ${path.relative(process.cwd(), file)}: made by other search or content code`);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`not reusing ${file}: ${error instanceof IndexFileError ? error.message : String(error)}`);
    return null;
  }
}

export type BuildIndexOptions = {
  out: string;
  /** The previous build's index to reuse (default: none). */
  previous?: string;
  /** Default: CONTENT_DIR and SITE_TIMEZONE. */
  contentDir?: string;
  timeZone?: string;
  /** A parse cache for the content index; default: the step's own beside the index's (null: none). */
  contentCache?: string | null;
  log?: (message: string) => void;
};

export async function buildSearchIndexFile(opts: BuildIndexOptions): Promise<BuildIndexResult> {
  const log = opts.log ?? ((m: string) => console.log(`[search-index] ${m}`));
  const started = performance.now();
  const contentDir = opts.contentDir ?? getConfig().contentDir;
  const timeZone = opts.timeZone ?? getConfig().timeZone;
  // A parse cache of its own, not the one `next build` uses: sharing it means sharing its lock, and one
  // of the two would wait for the other to parse (measured: page data 8 s → 14 s), while parsing side by
  // side uses the core the build leaves idle. Its own cache still makes a rebuild parse only what changed.
  const contentCache =
    opts.contentCache === undefined
      ? path.join(path.dirname(opts.out), 'search-content-index.json')
      : opts.contentCache;
  // The text of every file this process parses, taken from the same render as its metadata.
  const rendered = new Map<string, { hash: string; text: string }>();
  const content = buildContentIndex({
    dir: contentDir,
    timeZone,
    cacheFile: contentCache,
    onRendered: (file, hash, tree) => rendered.set(file, { hash, text: treeText(tree) }),
  });
  const code = searchCodeFingerprint();
  const previous = opts.previous ? previousIndex(opts.previous, code, log) : null;
  const prepared = (meta: ArticleMeta) => {
    const known = rendered.get(meta.file);
    if (!known) return undefined;
    rendered.delete(meta.file);
    try {
      const stat = fs.statSync(path.join(content.dir, meta.file));
      return {
        text: known.text,
        source: { file: meta.file, size: stat.size, mtimeMs: stat.mtimeMs, hash: known.hash },
      };
    } catch {
      return undefined;
    }
  };
  const { index, stats } = await updateIndex(
    previous,
    { dir: content.dir, published: content.published },
    {
      sliceMs: 0,
      withSources: true,
      prepared,
      onSkip: (file, reason) => log(`${file}: ${reason}; left out`),
    },
  );
  const bytes = writeIndexFile(opts.out, index, code);
  const seconds = (performance.now() - started) / 1000;
  log(
    `${index.docs.length} published articles (${stats.indexed} tokenized, ${stats.carried} unchanged from the previous build; ` +
      `${content.drafts.length} drafts and ${content.scheduled.length} scheduled left out) → ${path.relative(process.cwd(), opts.out)}, ` +
      `${(bytes / MiB).toFixed(1)} MiB, in ${seconds.toFixed(1)}s`,
  );
  return {
    file: opts.out,
    articles: index.docs.length,
    carried: stats.carried,
    indexed: stats.indexed,
    bytes,
    seconds,
  };
}

function parseArgs(argv: string[]): { out: string; previous: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(out|previous)(?:=(.*))?$/.exec(argv[i] as string);
    if (!match)
      throw new Error(`build-search-index: unknown argument "${argv[i]}" (options: --out FILE, --previous FILE)`);
    const value = match[2] ?? argv[++i];
    if (!value) throw new Error(`build-search-index: --${match[1]} needs a file`);
    values.set(match[1] as string, value);
  }
  const out = path.resolve(values.get('out') ?? indexFilePath());
  return { out, previous: path.resolve(values.get('previous') ?? out) };
}

async function main(): Promise<void> {
  await buildSearchIndexFile(parseArgs(process.argv.slice(2)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      `[search-index] ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  });
}
