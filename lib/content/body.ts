// One article's body, read from its file when a page renders it (the site index keeps no bodies). Apart
// from load.ts, which parses whole files: reading a body needs no front matter schema or Markdown parser.
import path from 'node:path';
import { decodeContentFile, readContentBytes } from './files';
import { splitFrontMatter } from './front-matter';

/** Re-reads one article's body from disk; null when the file is gone or no longer parses. */
export function readArticleBody(dir: string, file: string): string | null {
  const read = readContentBytes(path.resolve(dir), file);
  if ('problem' in read) return null;
  const decoded = decodeContentFile(file, read.bytes);
  if ('problem' in decoded) return null;
  try {
    const body = splitFrontMatter(decoded.text).body.trim();
    return body === '' ? null : body;
  } catch {
    return null;
  }
}
