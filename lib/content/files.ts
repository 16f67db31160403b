// The content folder as files: which files are articles (Hexo and Jekyll folders included), their bytes,
// hashes and stamps, and their text. Parsing them is load.ts's concern.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './types';

export const CONTENT_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.txt'] as const;

/** Plain code-unit order: the same on every machine and locale, which "first by path" relies on. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

function isContentFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return (CONTENT_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Every content file under `dir` as a sorted list of forward-slash relative paths: the whole folder, or
 * only `_posts/` and `_drafts/` when it is a Hexo or Jekyll site (it has a `_posts/`).
 */
export function listContentFiles(dir: string): { files: string[]; problems: ContentProblem[] } {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const seen = new Set<string>();

  const walk = (absolute: string) => {
    const relative = toPosix(path.relative(root, absolute)) || '.';
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(absolute);
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const reason =
        relative === '.' ? `cannot read the content folder ${root} (${code})` : `cannot read this folder (${code})`;
      problems.push({ file: relative, field: null, reason, excluded: relative !== '.' });
      return;
    }
    // A symlink back up the tree would otherwise loop forever.
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(absolute, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(child);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          problems.push({ file: toPosix(path.relative(root, child)), field: null, reason: 'broken symbolic link', excluded: true });
          continue;
        }
      }
      if (isDir) walk(child);
      else if (isFile && isContentFile(entry.name)) files.push(toPosix(path.relative(root, child)));
    }
  };

  // A Hexo site's source folder or a Jekyll site: the posts are in _posts/ (and _drafts/); the rest of
  // the folder is the site's own pages and assets, not articles.
  const postFolders = ['_posts', '_drafts'].map((name) => path.join(/*turbopackIgnore: true*/ root, name)).filter((folder) => isDirectory(folder));
  if (postFolders.some((folder) => path.basename(folder) === '_posts')) for (const folder of postFolders) walk(folder);
  else walk(root);
  files.sort(byPath);
  return { files, problems };
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}


export function modifiedTime(root: string, file: string): Date | null {
  try {
    return fs.statSync(path.join(/*turbopackIgnore: true*/ root, file)).mtime;
  } catch {
    return null;
  }
}

export type ReadResult = { bytes: Buffer; hash: string } | { problem: ContentProblem };

/** A content file's bytes, or the problem reading it. */
export function readContentBytes(root: string, file: string): { bytes: Buffer } | { problem: ContentProblem } {
  try {
    return { bytes: fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, file)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: { file, field: null, reason: `cannot read the file (${code})`, excluded: true } };
  }
}

/** A content file's bytes and their hash (what decides whether an earlier parse can be reused). */
export function readContentFile(root: string, file: string): ReadResult {
  const read = readContentBytes(root, file);
  return 'problem' in read ? read : { bytes: read.bytes, hash: createHash('sha1').update(read.bytes).digest('hex') };
}

/** Size and modification time: what tells whether a file changed since it was indexed, without reading it. */
export function fileStamp(root: string, file: string): { size: number; mtimeMs: number } {
  try {
    const stat = fs.statSync(path.join(/*turbopackIgnore: true*/ root, file));
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

/**
 * The file's text, or a problem when it is not UTF-8. Only called for files that must be parsed:
 * decoding is the dearest step of a cached rebuild.
 */
export function decodeContentFile(file: string, bytes: Buffer): { text: string } | { problem: ContentProblem } {
  // isUtf8 is a fast validator; a fatal TextDecoder costs ~0.1 ms a file, seconds on a large corpus.
  if (!isUtf8(bytes)) {
    return { problem: { file, field: null, reason: 'the file is not UTF-8 text: save it as UTF-8', excluded: true } };
  }
  return { text: bytes.toString('utf8') };
}

