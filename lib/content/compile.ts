// Compiling the content folder into the site index (site-db.ts): every file read and hashed, only new or
// changed ones parsed, rendered and tokenized (in worker threads when the build asks: see
// scripts/build-index.ts), the rest carried over from the previous index file as they are. Which file it
// writes (the previous one in place, a copy, a new one) is build-target.ts's concern; which files to
// parse, compile-plan.ts's.
import { abandon, putInPlace } from './build-target';
import { draftMark, plan, type Plan } from './compile-plan';
import { fileStamp } from './files';
import { settleArticles, type ParsedFile } from './load';
import { prepareFile, type PrepareAsync, type PreparedFile } from './prepare';
import { deleteDocument, insertArticle, insertDocument } from './index-rows';
import { FEATURE_INDEXES, optimizeFullText, type SiteDb } from './site-db';
import type { ArticleMeta, ContentProblem } from './types';

export type CompileOptions = {
  dir: string;
  timeZone: string;
  /** The index file to write (replaced atomically), or ':memory:'. */
  dbFile: string;
  /** Called for every file parsed rather than carried over. */
  onParse?: (file: string) => void;
  /**
   * Called once every file is parsed and written, before the single-threaded rest (indexes, listings,
   * the full-text merge): the build starts `next build` then, on the core this leaves idle.
   */
  onParsed?: () => void;
};

export type CompileStats = {
  files: number;
  parsed: number;
  reused: number;
  articles: number;
  drafts: number;
  ms: number;
  /** Where the time went, in order: [what, ms]; 'of which writing' is the writing thread's share of 'parsing'. */
  phases: Array<[string, number]>;
};
export type Compiled = {
  /** Open for reading when the index is in memory; null when it was written to a file. */
  db: SiteDb | null;
  /** The drafts parsed this time: every draft in memory; into a file, only those new or changed since its last build. */
  drafts: ArticleMeta[];
  /** Problems of draft files: kept out of the public index with the drafts. */
  draftProblems: ContentProblem[];
  stats: CompileStats;
};
function deleteDoc(db: SiteDb, doc: number | null): void {
  if (doc !== null) deleteDocument(db, doc);
}

type Prepared = ReturnType<typeof prepareFile>;

/** What writing the parsed files left for settling: their problems, and the drafts (stored nowhere). */
type Written = {
  problems: ContentProblem[];
  drafts: PreparedFile[];
  parsed: number;
  unreadable: number;
  /** Time the writing thread spent writing windows (it overlaps the workers' parsing). */
  writingMs: number;
};

/**
 * Parsed files written per transaction, in the order of their document numbers (publication time). Files
 * arrive in the folder's order, not in date order, and FTS5 closes its segment of pending terms whenever a
 * document's number is below the last one's: written as they came, a clean build of 8,000 articles left a
 * segment almost per document and spent 6.3 s of the writing thread on them, against 3.9 s in windows of
 * this size (the window's results, ~40 MB, held meanwhile).
 */
export const WRITE_WINDOW = 1024;

/** Publication time of a parsed file; problems and drafts (written without a document) sort anywhere. */
function dateOf(item: Prepared): number {
  return 'parsed' in item && item.parsed.meta ? Date.parse(item.parsed.meta.date) : 0;
}

/**
 * Takes parsed files as they come (batch by batch from worker threads, so writing overlaps parsing and
 * the results are never all held at once) and writes them into the index file, a window at a time in
 * publication order; end() writes what is left.
 */
function startWriting(p: Plan): { write(batch: Prepared[]): void; end(): Written } {
  const { db } = p;
  const written: Written = {
    problems: [...p.listingProblems, ...p.unreadable],
    drafts: [],
    parsed: 0,
    unreadable: 0,
    writingMs: 0,
  };
  const insertMark = db.prepare('INSERT OR IGNORE INTO draft_marks (mark) VALUES (?)');
  db.transaction(() => {
    // Files gone, changed or unreadable now: their rows go.
    const forget = db.prepare('DELETE FROM files WHERE file = ?');
    for (const [file, row] of p.previous) {
      if (p.current.get(file)?.hash === row.hash) continue;
      deleteDoc(db, row.doc);
      forget.run(file);
    }
    db.prepare('DELETE FROM draft_marks').run();
    for (const mark of p.keptDrafts) insertMark.run(mark);
  })();
  const insertFile = db.prepare(
    'INSERT OR REPLACE INTO files (file, hash, size, mtime_ms, parsed, doc) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const writeWindow = db.transaction((window: Prepared[]) => {
    for (const item of window) {
      if ('problem' in item) {
        written.problems.push(item.problem);
        written.unreadable += 1;
        continue;
      }
      written.parsed += 1;
      const meta = item.parsed.meta;
      // Drafts are stored nowhere public: only their mark, so an unchanged one is not parsed next time.
      if (meta?.draft) {
        written.drafts.push(item);
        insertMark.run(draftMark(item.file, item.hash));
        continue;
      }
      let doc: number | null = null;
      if (meta && item.search) doc = insertDocument(db, meta, item.search, item.features);
      const stamp = p.current.get(item.file)?.stamp ?? fileStamp(p.root, item.file);
      insertFile.run(item.file, item.hash, stamp.size, stamp.mtimeMs, JSON.stringify(item.parsed), doc);
    }
  });
  let pending: Prepared[] = [];
  const flush = () => {
    // Stable: articles of the same second keep the order they came in.
    const dated = pending.map((item) => ({ item, date: dateOf(item) })).sort((a, b) => a.date - b.date);
    pending = [];
    const t = performance.now();
    writeWindow(dated.map((d) => d.item));
    written.writingMs += performance.now() - t;
  };
  return {
    write(batch) {
      pending.push(...batch);
      if (pending.length >= WRITE_WINDOW) flush();
    },
    end() {
      if (pending.length > 0) flush();
      p.watch.lap('parsing');
      p.watch.phases.push(['of which writing', written.writingMs]);
      return written;
    },
  };
}

function finish(p: Plan, written: Written, timeZone: string): Compiled {
  const { db } = p;
  const problems = written.problems;
  // After a bulk load the feature rows are all in: index them once (deletes below need them).
  db.exec(FEATURE_INDEXES);
  p.watch.lap('feature indexes');

  // Every file's parse, new or carried over, settles slugs together.
  const candidates: ArticleMeta[] = [];
  const docOf = new Map<string, number>();
  type Parsed = { file: string; parsed: string; doc: number | null };
  for (const row of db.prepare('SELECT file, parsed, doc FROM files').iterate() as Iterable<Parsed>) {
    if (!p.current.has(row.file)) continue;
    const parsed = JSON.parse(row.parsed) as ParsedFile;
    problems.push(...parsed.problems);
    if (parsed.meta) candidates.push(parsed.meta);
    if (row.doc !== null) docOf.set(row.file, row.doc);
  }
  const draftFiles = new Set<string>();
  for (const item of written.drafts) {
    if (!item.parsed.meta?.draft) continue;
    draftFiles.add(item.file);
    problems.push(...item.parsed.problems);
    candidates.push(item.parsed.meta);
  }
  const settled = settleArticles(candidates, problems);
  const drafts = settled.articles.filter((a) => a.draft);
  const live = settled.articles.filter((a) => !a.draft);
  const kept = new Set(live.map((a) => a.file));
  p.watch.lap('settling');

  const content = db.transaction(() => {
    for (const table of ['articles', 'terms', 'aliases', 'problems']) db.prepare(`DELETE FROM ${table}`).run();
    // A file that lost its slug to another keeps no document, and is parsed again next time.
    const forget = db.prepare('DELETE FROM files WHERE file = ?');
    for (const [file, doc] of docOf) {
      if (kept.has(file)) continue;
      deleteDoc(db, doc);
      forget.run(file);
    }
    const insertProblem = db.prepare('INSERT INTO problems (file, field, reason, excluded) VALUES (?, ?, ?, ?)');
    for (const meta of live) {
      const id = docOf.get(meta.file);
      if (id === undefined) continue;
      insertArticle(db, id, meta, timeZone);
    }
    for (const problem of settled.problems) {
      if (draftFiles.has(problem.file)) continue;
      insertProblem.run(problem.file, problem.field, problem.reason, problem.excluded ? 1 : 0);
    }
  });
  content();
  p.watch.lap('listings');
  db.exec('DELETE FROM feature_df; INSERT INTO feature_df SELECT key, count(*) FROM features GROUP BY key');
  p.watch.lap('feature counts');
  if (p.bulk) {
    optimizeFullText(db);
    p.watch.lap('full-text merge');
  }
  // How many rows the file holds, published or scheduled: a server counts what is published now as this
  // minus the few scheduled for later, instead of counting 100,000 rows of the date index (~20–100 ms).
  db.prepare("INSERT OR REPLACE INTO info (key, value) VALUES ('articles', (SELECT count(*) FROM articles))").run();
  db.prepare("UPDATE info SET value = 'ready' WHERE key = 'state'").run();

  const draftProblems = settled.problems.filter((pr) => draftFiles.has(pr.file));
  const stats: CompileStats = {
    files: p.files.length,
    parsed: written.parsed,
    reused: p.files.length - written.parsed - p.unreadable.length - written.unreadable,
    articles: live.length,
    drafts: drafts.length + p.keptDrafts.length,
    ms: performance.now() - p.started,
    phases: p.watch.phases,
  };
  if (p.inPlace) {
    db.close();
    return { db: null, drafts, draftProblems, stats };
  }
  if (p.temporary === null) return { db, drafts, draftProblems, stats };

  db.close();
  putInPlace(p.temporary, p.target);
  return { db: null, drafts, draftProblems, stats };
}

/** Every file parsed and written: the caller is told (CompileOptions.onParsed), then the index finished. */
function parsedThenFinish(p: Plan, writer: ReturnType<typeof startWriting>, opts: CompileOptions): Compiled {
  const written = writer.end();
  opts.onParsed?.();
  return finish(p, written, opts.timeZone);
}

/** Compiles in this thread. */
export function compileSiteIndex(opts: CompileOptions): Compiled {
  const p = plan(opts);
  try {
    const writer = startWriting(p);
    for (const file of p.toParse) {
      opts.onParse?.(file);
      writer.write([prepareFile(p.root, file, opts.timeZone)]);
    }
    return parsedThenFinish(p, writer, opts);
  } catch (error) {
    abandon(p);
    throw error;
  }
}

/** Compiles with `prepare` doing the parsing (the build hands it to worker threads). */
export async function compileSiteIndexWith(opts: CompileOptions, prepare: PrepareAsync): Promise<Compiled> {
  const p = plan(opts);
  try {
    for (const file of p.toParse) opts.onParse?.(file);
    const writer = startWriting(p);
    await prepare(p.root, p.toParse, opts.timeZone, writer.write);
    return parsedThenFinish(p, writer, opts);
  } catch (error) {
    abandon(p);
    throw error;
  }
}
