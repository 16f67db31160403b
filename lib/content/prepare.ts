// One content file as the build's index step prepares it, on a worker thread or in the compiling one:
// read, parsed, rendered, and turned into what the site index stores for it (compile.ts writes it).
import { readContentFile } from './files';
import { parseReadFile, type ParsedFile } from './load';
import { featuresOf } from './features';
import type { ContentProblem } from './types';
import { treeText } from '@/lib/search/article-text';
import { searchPayload, type SearchPayload } from '@/lib/search/documents';

/** One file parsed: what the index stores for it. Plain data, so a worker thread can hand it over. */
export type PreparedFile = {
  file: string;
  hash: string;
  parsed: ParsedFile;
  /** For articles that are not drafts. */
  search: SearchPayload | null;
  features: Array<[string, number]>;
};

/** Reads, parses, renders and tokenizes one file (what worker threads run). */
export function prepareFile(root: string, file: string, timeZone: string): PreparedFile | { file: string; problem: ContentProblem } {
  const read = readContentFile(root, file);
  if ('problem' in read) return { file, problem: read.problem };
  let text = '';
  const { meta, problems, ignoredKeys } = parseReadFile(root, file, read.bytes, timeZone, (tree) => {
    text = treeText(tree);
  });
  const parsed: ParsedFile = { meta, problems, ignoredKeys };
  const live = meta !== null && !meta.draft;
  return {
    file,
    hash: read.hash,
    parsed,
    search: live ? searchPayload(meta.title, text) : null,
    features: live ? [...featuresOf(meta)] : [],
  };
}

/** Parses `files` elsewhere (worker threads), handing each batch of results to `onBatch` as it is ready. */
export type PrepareAsync = (
  root: string,
  files: string[],
  timeZone: string,
  onBatch: (batch: Array<ReturnType<typeof prepareFile>>) => void,
) => Promise<void>;

