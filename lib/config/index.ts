// Every environment variable the app reads, validated once, in one place. README documents each.
// zod/mini: the same validation with functions in place of methods, so the bundler keeps only what is used.
// This module is loaded by every server bundle before a fresh server answers its first request (the start-up
// hook, the proxy, each page), and zod's full build costs each of them ~10–20 ms to load (measured: a
// bundle of zod with a schema like this one takes 19 ms to load from a code cache, zod/mini 2 ms).
import * as z from 'zod/mini';
import { contentFolder } from '@/lib/content/index-path.mjs';

/** An optional variable's text, turned into a value by `read` (which reports a bad value as an issue). */
function variable<T>(read: (v: string | undefined, report: (message: string) => typeof z.NEVER) => T) {
  return z.pipe(
    z.optional(z.string()),
    z.transform((v: string | undefined, ctx) =>
      read(v, (message) => {
        ctx.issues.push({ code: 'custom', message, input: v });
        return z.NEVER;
      }),
    ),
  );
}

const flag = z.pipe(
  z.optional(
    z.enum(['1', '0', 'true', 'false', 'yes', 'no', ''], {
      error: (issue) => `expected 1, 0, true, false, yes or no, got "${String(issue.input)}"`,
    }),
  ),
  z.transform((v) => v === '1' || v === 'true' || v === 'yes'),
);

const positiveInt = (fallback: number) =>
  variable((v, report) => {
    if (v === undefined || v.trim() === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) return report(`expected a whole number ≥ 0, got "${v}"`);
    return n;
  });

const timeZone = variable((v, report) => {
  const zone = v && v.trim() ? v.trim() : 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return report(`"${zone}" is not an IANA time zone (try Asia/Shanghai or UTC)`);
  }
  return zone;
});

/** An optional text with a default when unset or blank. */
const text = (fallback: string) => variable((v) => (v && v.trim() ? v.trim() : fallback));

const envSchema = z.object({
  SITE_URL: variable((v, report) => {
    const raw = v && v.trim() ? v.trim() : 'http://localhost:3000';
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      return url.origin + url.pathname.replace(/\/+$/, '');
    } catch {
      return report(`"${raw}" is not an absolute http(s) URL (for example https://hutong.example)`);
    }
  }),
  SITE_NAME: text('胡同'),
  SITE_DESCRIPTION: text('好文章，慢慢读。'),
  SITE_TIMEZONE: timeZone,
  CONTENT_DIR: variable((v) => contentFolder({ CONTENT_DIR: v })),
  STRICT_CONTENT: flag,
  PRERENDER_ARTICLES: positiveInt(200),
  EDITOR_EMAILS: variable((v) =>
    (v ?? '')
      .split(/[,\s]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  ),
  PAGE_SIZE: positiveInt(8).check(z.refine((n) => n > 0 && n <= 100, 'PAGE_SIZE must be between 1 and 100')),
});

export type AppConfig = {
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  timeZone: string;
  contentDir: string;
  strictContent: boolean;
  prerenderArticles: number;
  pageSize: number;
  /** Lower-cased addresses whose accounts are editors whatever their stored role. */
  editorEmails: string[];
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(
      `Invalid environment configuration:\n${lines.join('\n')}\nFix these variables (see README, "Configuration").`,
    );
  }
  const e = result.data;
  return {
    siteUrl: e.SITE_URL,
    siteName: e.SITE_NAME,
    siteDescription: e.SITE_DESCRIPTION,
    timeZone: e.SITE_TIMEZONE,
    contentDir: e.CONTENT_DIR,
    strictContent: e.STRICT_CONTENT,
    prerenderArticles: e.PRERENDER_ARTICLES,
    pageSize: e.PAGE_SIZE,
    editorEmails: e.EDITOR_EMAILS,
  };
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Absolute URL for a site path, for canonical links, feeds and Open Graph. */
export function absoluteUrl(pathname: string): string {
  return getConfig().siteUrl + (pathname.startsWith('/') ? pathname : `/${pathname}`);
}
