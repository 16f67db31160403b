// Every environment variable the app reads, validated once, in one place. README documents each.
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number ≥ 0, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const timeZone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const zone = v && v.trim() ? v.trim() : 'Asia/Shanghai';
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${zone}" is not an IANA time zone (try Asia/Shanghai or UTC)` });
      return z.NEVER;
    }
    return zone;
  });

const envSchema = z.object({
  SITE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v && v.trim() ? v.trim() : 'http://localhost:3000';
      try {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
        return url.origin + url.pathname.replace(/\/+$/, '');
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}" is not an absolute http(s) URL (for example https://hutong.example)`,
        });
        return z.NEVER;
      }
    }),
  SITE_NAME: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : '胡同')),
  SITE_DESCRIPTION: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : '好文章，慢慢读。')),
  SITE_TIMEZONE: timeZone,
  CONTENT_DIR: z
    .string()
    .optional()
    .transform((v) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), v && v.trim() ? v.trim() : 'content')),
  STRICT_CONTENT: flag,
  PRERENDER_ARTICLES: positiveInt(200),
  EDITOR_EMAILS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(/[,\s]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  PAGE_SIZE: positiveInt(8).refine((n) => n > 0 && n <= 100, 'PAGE_SIZE must be between 1 and 100'),
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
