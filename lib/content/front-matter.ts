// Splits a content file into its YAML front matter and HTML body, with errors that name the line.
import matter from 'gray-matter';

export type SplitFile = {
  /** Whatever the YAML block held: normally a mapping, but files can hold anything. */
  data: unknown;
  body: string;
  /** The raw front-matter text, for recovering literals YAML has already converted. */
  matter: string;
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

const LEADING_BLANK_LINES = /^(?:\ufeff)?(?:[ \t]*\r?\n)+(?=---)/;

/** Parses `text`; throws FrontMatterError for YAML that cannot be read. */
export function splitFrontMatter(text: string): SplitFile {
  // Scraped files (the reference among them) start with a blank line before "---", which
  // gray-matter would read as "no front matter"; skip such lines and count them for error lines.
  const lead = LEADING_BLANK_LINES.exec(text)?.[0] ?? '';
  const skippedLines = lead.split('\n').length - 1;
  try {
    const file = matter(text.slice(lead.length), OPTIONS);
    return { data: file.data as unknown, body: file.content, matter: file.matter };
  } catch (error) {
    const e = error as { reason?: unknown; mark?: YamlMark; message?: unknown };
    const mark = e.mark;
    if (mark && typeof mark.line === 'number') {
      // js-yaml counts from the rest of the opening "---" line, which is line 1 of the file.
      const line = mark.line + 1 + skippedLines;
      const column = typeof mark.column === 'number' ? `, column ${mark.column + 1}` : '';
      const reason = typeof e.reason === 'string' ? e.reason : 'unreadable YAML';
      throw new FrontMatterError(`bad YAML front matter at line ${line}${column}: ${reason}`, line);
    }
    const message = typeof e.message === 'string' ? e.message : String(error);
    throw new FrontMatterError(`bad front matter: ${message}`, null);
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
