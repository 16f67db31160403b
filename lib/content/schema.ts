// The front-matter contract: what each field may hold, how it is cleaned, and which faults drop a file.
import { z } from 'zod';
import { ACCEPTED_DATE_FORMS, parseDate } from './parse-date';
import { slugify } from './slug';

/** NFC, trimmed, and free of unpaired surrogates (which would make encodeURIComponent throw). */
function clean(s: string): string {
  return s.toWellFormed().normalize('NFC').trim();
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Missing or empty is repaired by the loader (the first heading, else the file name), with a warning. */
const title = z
  .union([z.string(), z.number(), z.boolean(), z.null()], {
    error: (issue) => `must be text, got ${describe(issue.input)}`,
  })
  .optional()
  .transform((v) => (isAbsent(v) ? '' : clean(String(v))));

/** Splits "a, b，c" and flattens nested lists (Hexo's [[a, b]]) into one list of names. */
function toTermList(value: unknown): unknown {
  if (isAbsent(value)) return [];
  if (typeof value === 'string') return value.split(/[,，]/);
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) {
    return value.flat(Infinity).map((item: unknown) => (typeof item === 'number' ? String(item) : item)).filter((item) => !isAbsent(item));
  }
  return value;
}

const termList = z.preprocess(
  toTermList,
  z
    .array(z.string({ error: (issue) => `each entry must be a name, got ${describe(issue.input)}` }), {
      error: (issue) => `must be a name or a list of names, got ${describe(issue.input)}`,
    })
    .transform((names) => [...new Set(names.map(clean).filter((s) => s !== ''))]),
);

const author = z
  .union([z.string(), z.number(), z.object({ name: z.string() }), z.null()], {
    error: (issue) => `must be one name, got ${describe(issue.input)}`,
  })
  .optional()
  .transform((v) => {
    if (isAbsent(v)) return null;
    const name = clean(typeof v === 'object' && v !== null ? v.name : String(v));
    return name === '' ? null : name;
  });

/**
 * Absolute http(s) or site-relative ("/images/a.jpg"). Protocol-relative "//host" and "/\host"
 * are refused because browsers resolve both to another site.
 */
function safeImageUrl(raw: string): string | null {
  const s = raw.trim();
  if (/^\/(?![/\\])[^\s\\]*$/.test(s)) return s;
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const imageUrl = z
  .union([z.string(), z.null()], {
    error: (issue) => `must be a URL, got ${describe(issue.input)}`,
  })
  .optional()
  .transform((v, ctx) => {
    if (isAbsent(v) || v?.trim() === '') return null;
    const url = safeImageUrl(v ?? '');
    if (url === null) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not an http(s) or site-relative (/…) URL; the image is dropped` });
      return z.NEVER;
    }
    return url;
  });

const FLAG_WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

const flag = z
  .union([z.boolean(), z.string(), z.number(), z.null()], {
    error: (issue) => `must be true or false, got ${describe(issue.input)}`,
  })
  .optional()
  .transform((v, ctx) => {
    if (isAbsent(v)) return undefined;
    if (typeof v === 'boolean') return v;
    const word = FLAG_WORDS[String(v).trim().toLowerCase()];
    if (word === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be true or false, got ${describe(v)}` });
      return z.NEVER;
    }
    return word;
  });

const slug = z
  .union([z.string(), z.number(), z.null()], {
    error: (issue) => `must be text, got ${describe(issue.input)}`,
  })
  .optional()
  .transform((v, ctx) => {
    if (isAbsent(v) || String(v).trim() === '') return null;
    const s = slugify(String(v));
    if (s === null) {
      ctx.addIssue({ code: 'custom', message: `"${v}" has no characters usable in a URL; the file name is used instead` });
      return z.NEVER;
    }
    return s;
  });

/**
 * The publication date. Missing is not an error here: the loader takes the date from a Jekyll file
 * name, else the file's modification time (Hexo's rule), and says so. Unreadable is a warning too.
 */
function dateField(timeZone: string) {
  return z.unknown().optional().transform((v, ctx) => {
    if (isAbsent(v) || (typeof v === 'string' && v.trim() === '')) return null;
    const d = parseDate(v, timeZone);
    if (d === null) {
      const shown = typeof v === 'string' || typeof v === 'number' ? JSON.stringify(v) : describe(v);
      ctx.addIssue({
        code: 'custom',
        message: `${shown} is not a readable date, or names a day that does not exist (use ${ACCEPTED_DATE_FORMS})`,
      });
      return z.NEVER;
    }
    return d.toISOString();
  });
}

/** An optional second date (updated, last_modified_at): unreadable is a warning, not a reason to drop the file. */
function optionalDateField(timeZone: string) {
  return z.unknown().optional().transform((v, ctx) => {
    if (isAbsent(v) || (typeof v === 'string' && v.trim() === '')) return null;
    const d = parseDate(v, timeZone);
    if (d === null) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(String(v))} is not a readable date; it is not shown` });
      return z.NEVER;
    }
    return d.toISOString();
  });
}

const shortText = z
  .union([z.string(), z.number(), z.null()], { error: (issue) => `must be text, got ${describe(issue.input)}` })
  .optional()
  .transform((v) => (isAbsent(v) ? null : clean(String(v)).replace(/\s+/g, ' ') || null));

const FORMATS: Record<string, 'html' | 'markdown'> = { html: 'html', markdown: 'markdown', md: 'markdown' };

const format = z
  .union([z.string(), z.null()], { error: (issue) => `must be markdown or html, got ${describe(issue.input)}` })
  .optional()
  .transform((v, ctx) => {
    if (isAbsent(v) || v?.trim() === '') return null;
    const f = FORMATS[String(v).trim().toLowerCase()];
    if (!f) {
      ctx.addIssue({ code: 'custom', message: `must be markdown or html, got ${JSON.stringify(v)}; the body is judged by itself` });
      return z.NEVER;
    }
    return f;
  });

/** Hexo's permalink: a site path such as /2019/04/04/hello/ or posts/hello.html. */
const permalink = z
  .union([z.string(), z.null()], { error: (issue) => `must be a path, got ${describe(issue.input)}` })
  .optional()
  .transform((v, ctx) => {
    if (isAbsent(v) || v?.trim() === '') return null;
    const path = String(v).trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || /[\s\\?#]/.test(path)) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not a site path; it is ignored` });
      return z.NEVER;
    }
    return '/' + path.replace(/^\/+/, '');
  });

function makeFrontMatterSchema(timeZone: string) {
  return z
    .object(
      {
        title,
        date: dateField(timeZone),
        updated: optionalDateField(timeZone),
        last_modified_at: optionalDateField(timeZone),
        categories: termList,
        category: termList,
        tags: termList,
        author,
        headimg: imageUrl,
        thumbnail: imageUrl,
        comments: flag,
        draft: flag,
        published: flag,
        slug,
        permalink,
        abbrlink: slug,
        description: shortText,
        excerpt: shortText,
        format,
        markdown: flag,
      },
      { error: (issue) => `front matter must be a set of "field: value" lines, got ${describe(issue.input)}` },
    )
    .transform(({ published, draft, comments, category, categories, updated, last_modified_at, markdown, format, description, excerpt, ...rest }) => ({
      ...rest,
      categories: [...new Set([...categories, ...category])],
      updated: updated ?? last_modified_at,
      comments: comments ?? false,
      draft: draft === true || published === false,
      /** The body's language when the front matter says so; null lets the body decide. */
      format: format ?? (markdown === true ? 'markdown' : markdown === false ? 'html' : null),
      /** A summary the author wrote, over the one computed from the body. */
      summary: description ?? excerpt,
    }));
}

export type FrontMatter = z.infer<ReturnType<typeof makeFrontMatterSchema>>;

const schemas = new Map<string, ReturnType<typeof makeFrontMatterSchema>>();

/** The zod schema for front matter read in `timeZone` (zoneless dates are wall time there). */
export function frontMatterSchema(timeZone: string): ReturnType<typeof makeFrontMatterSchema> {
  let schema = schemas.get(timeZone);
  if (!schema) {
    schema = makeFrontMatterSchema(timeZone);
    schemas.set(timeZone, schema);
  }
  return schema;
}

/**
 * A fault in these drops the file; anything else is repaired (the value falls back) and warned
 * about. An unreadable draft flag counts, so a typo can never publish a draft.
 */
const REQUIRED_FIELDS = new Set(['draft', 'published']);

/** Every key the schema reads; anything else in a file's front matter is ignored (content:check --verbose lists it). */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'title', 'date', 'updated', 'last_modified_at', 'categories', 'category', 'tags', 'author', 'headimg', 'thumbnail',
  'comments', 'draft', 'published', 'slug', 'permalink', 'abbrlink', 'description', 'excerpt', 'format', 'markdown',
]); // prettier-ignore

export type FieldProblem = { field: string | null; reason: string; excluded: boolean };

/**
 * Validates front matter. Returns the cleaned fields, or null when a required field is
 * unusable, plus one problem per faulty field.
 */
export function validateFrontMatter(
  data: unknown,
  timeZone: string,
): { frontMatter: FrontMatter | null; problems: FieldProblem[] } {
  const schema = frontMatterSchema(timeZone);
  const first = schema.safeParse(data);
  if (first.success) return { frontMatter: first.data, problems: [] };

  const problems: FieldProblem[] = [];
  const faulty = new Set<string>();
  let fatal = false;
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    const field = typeof key === 'string' ? key : null;
    const excluded = field === null || REQUIRED_FIELDS.has(field);
    fatal ||= excluded;
    if (field !== null) {
      if (faulty.has(field)) continue;
      faulty.add(field);
    }
    problems.push({ field, reason: issue.message, excluded });
  }
  if (fatal) return { frontMatter: null, problems };

  const repaired: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of faulty) delete repaired[field];
  const second = schema.safeParse(repaired);
  if (!second.success) {
    // Unreachable while every optional field accepts "absent"; kept so a future schema change fails loudly.
    const reasons = second.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`).join('; ');
    return { frontMatter: null, problems: [...problems, { field: null, reason: reasons, excluded: true }] };
  }
  return { frontMatter: second.data, problems };
}
