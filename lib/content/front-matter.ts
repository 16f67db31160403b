// Splits a content file into its YAML front matter and HTML body, with errors that name the line.
import matter from 'gray-matter';
import { LEADING_NOISE } from './body';

export type SplitFile = {
  /** Whatever the YAML block held: normally a mapping, but files can hold anything. */
  data: unknown;
  body: string;
  /** The raw front-matter text, for recovering literals YAML has already converted. */
  matter: string;
  /** Lines whose broken quoting was repaired so the file could be read (1-based file lines). */
  repairs: { line: number; key: string }[];
};

export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
  constructor(
    message: string,
    /** 1-based line in the file, when the parser said where. */
    readonly line: number | null,
  ) {
    super(message);
  }
}

type YamlMark = { line?: unknown; column?: unknown };

function refuseScript(): never {
  throw new Error('JavaScript front matter is not allowed (it would run code); use YAML');
}

// Passing options also keeps gray-matter from caching every file's text in a module-level map,
// which would hold the whole corpus in memory and return stale data after a parse error.
const OPTIONS = { engines: { javascript: refuseScript, coffee: refuseScript } };

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const MAX_REPAIRS = 5;

type YamlError = { reason?: unknown; mark?: YamlMark; message?: unknown };

/**
 * The same key line with its value re-quoted as a YAML single-quoted string: for a value whose own
 * quotes break YAML (`title: "''Pass the Butter!" DIY…"`), keeping the text the author wrote.
 */
function requote(line: string): { line: string; key: string } | null {
  const m = KEY_LINE.exec(line);
  if (!m || !m[2]) return null;
  let value = m[2];
  const outer = /^(['"])([\s\S]*)\1$/.exec(value);
  if (outer) value = outer[2] ?? '';
  return { line: `${m[1]}: '${value.replace(/'/g, "''")}'`, key: m[1]! };
}

/** The text between the fences with non-breaking spaces made plain (YAML reads them as part of keys). */
function cleanMatterBlock(text: string): string {
  const end = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(3));
  if (!text.startsWith('---') || !end) return text;
  const stop = 3 + end.index;
  return text.slice(0, stop).replace(/\u00a0/g, ' ') + text.slice(stop);
}

/**
 * Parses `text`; throws FrontMatterError for YAML that cannot be read. Only the first fence pair at the
 * very top is front matter: `---` lines further down are the body's own (Markdown thematic breaks).
 * A top-level `key: value` line whose quoting breaks YAML is repaired and reported, not fatal.
 */
export function splitFrontMatter(raw: string): SplitFile {
  // Scraped files (the reference among them) start with a blank line before "---", which gray-matter
  // would read as "no front matter"; skip such noise and count its lines for error messages.
  const normalized = raw.replace(/\r\n?/g, '\n');
  const lead = LEADING_NOISE.exec(normalized)?.[0] ?? '';
  const skippedLines = lead.split('\n').length - 1;
  let text = cleanMatterBlock(normalized.slice(lead.length));
  const repairs: SplitFile['repairs'] = [];
  for (;;) {
    try {
      const file = matter(text, OPTIONS);
      return { data: file.data as unknown, body: file.content, matter: file.matter, repairs };
    } catch (error) {
      const e = error as YamlError;
      const mark = e.mark;
      if (mark && typeof mark.line === 'number') {
        // js-yaml counts from the rest of the opening "---" line, which is line 1 of the file.
        const lines = text.split('\n');
        const reported = mark.line;
        // js-yaml often reports the line after the one whose quoting is broken.
        const fixed = repairs.length < MAX_REPAIRS
          ? [reported - 1, reported, reported - 2]
              .filter((i) => i >= 1 && i < lines.length && /^[A-Za-z_][\w-]*[ \t]*:[ \t]*['"]/.test(lines[i]!))
              .map((i) => ({ i, repaired: requote(lines[i]!) }))
              .find((c) => c.repaired && c.repaired.line !== lines[c.i])
          : undefined;
        if (fixed?.repaired) {
          lines[fixed.i] = fixed.repaired.line;
          text = lines.join('\n');
          repairs.push({ line: fixed.i + 1 + skippedLines, key: fixed.repaired.key });
          continue;
        }
        const line = mark.line + 1 + skippedLines;
        const column = typeof mark.column === 'number' ? `, column ${mark.column + 1}` : '';
        const reason = typeof e.reason === 'string' ? e.reason : 'unreadable YAML';
        throw new FrontMatterError(`bad YAML front matter at line ${line}${column}: ${reason}`, line);
      }
      const message = typeof e.message === 'string' ? e.message : String(error);
      throw new FrontMatterError(`bad front matter: ${message}`, null);
    }
  }
}

/**
 * The literal text of a top-level `key: value` line in raw YAML, unquoted and without a trailing
 * comment; null when the key is absent or its value is not on that line. js-yaml turns an
 * unquoted `2021-12-01 10:52:00` into a UTC Date, losing the fact that it had no zone; this
 * recovers what the author wrote so it can be read in the site's zone.
 */
export function yamlScalarText(rawMatter: string, key: string): string | null {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(rawMatter);
  if (!m) return null;
  let value = (m[1] ?? '').replace(/\s+#.*$/, '').trim();
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) value = quoted[2] ?? '';
  return value === '' ? null : value;
}
