// One article's body, read from its file when a page renders it (the site index keeps no bodies). Apart
// from load.ts, which parses whole files: reading a body needs no front matter schema, no YAML parser
// (gray-matter and js-yaml, ~9 ms to load in a fresh server, before its first answer) and no Markdown parser.
import path from 'node:path';
import { decodeContentFile, readContentBytes } from './files';

/**
 * What may stand before the opening "---": byte-order marks, blank lines, spaces (scrapers write all three).
 * front-matter.ts skips the same.
 */
export const LEADING_NOISE = /^[\ufeff\s]*?(?=---)/;
/** Whether gray-matter has an engine for a front matter language front-matter.ts allows (not script). */
const readable = (name: string) => name === '' || name === 'json' || /^(yaml|yml)$/i.test(name);

/**
 * The body of a content file's text, as splitFrontMatter (front-matter.ts, gray-matter) splits it, without
 * reading the front matter: the build read it, and the index holds what it said. Null where
 * splitFrontMatter would refuse the file for its front matter's language (JavaScript, an unknown one).
 * The body is everything after the first line that starts with "---" following the opening one.
 */
export function bodyOfText(raw: string): string | null {
  const normalized = raw.replace(/\r\n?/g, '\n');
  const lead = LEADING_NOISE.exec(normalized)?.[0] ?? '';
  let text = normalized.slice(lead.length);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // "----…" opens no front matter: the whole text is the body.
  if (!text.startsWith('---') || text.charAt(3) === '-') return text;
  let rest = text.slice(3);
  const lineEnd = rest.search(/\r?\n/);
  const language = rest.slice(0, lineEnd);
  if (language.trim()) rest = rest.slice(language.length);
  const close = rest.indexOf('\n---');
  // gray-matter asks the language's engine only for a block with something in it besides comments.
  const block = (close === -1 ? rest : rest.slice(0, close)).replace(/^\s*#[^\n]+/gm, '').trim();
  if (block !== '' && !readable(language.trim())) return null;
  if (close === -1) return '';
  const body = rest.slice(close + 4);
  return body.startsWith('\n') ? body.slice(1) : body;
}

/** Re-reads one article's body from disk; null when the file is gone or no longer parses. */
export function readArticleBody(dir: string, file: string): string | null {
  const read = readContentBytes(path.resolve(dir), file);
  if ('problem' in read) return null;
  const decoded = decodeContentFile(file, read.bytes);
  if ('problem' in decoded) return null;
  const body = bodyOfText(decoded.text)?.trim() ?? '';
  return body === '' ? null : body;
}
