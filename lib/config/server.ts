// Server-only environment (database, auth secrets, OAuth keys), validated once; kept apart from
// lib/config/index.ts so no secret can reach a client bundle.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : null));

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? null : v === '1' || v === 'true' || v === 'yes'));

const serverEnvSchema = z.object({
  DATABASE_URL: optionalText.refine(
    (v) => v === null || /^postgres(ql)?:\/\//.test(v),
    'expected a postgres:// or postgresql:// connection URL',
  ),
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), v && v.trim() ? v.trim() : '.data/pglite')),
  AUTH_SECRET: optionalText.refine(
    (v) => v === null || v.length >= 32,
    'must be at least 32 characters (try `openssl rand -base64 32`)',
  ),
  AUTH_TRUST_HOST: flag,
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  OIDC_ISSUER: optionalText.refine(
    (v) => v === null || /^https?:\/\/[^/]/.test(v),
    "expected the identity provider's issuer URL (https://id.example.com/realms/main)",
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: optionalText,
  SMTP_URL: optionalText.refine(
    (v) => v === null || /^smtps?:\/\/[^/]/.test(v),
    'expected smtp://user:password@host:587 or smtps://user:password@host:465',
  ),
  MAIL_FROM: optionalText,
  CRON_SECRET: optionalText.refine(
    (v) => v === null || v.length >= 16,
    'must be at least 16 characters (try `openssl rand -hex 32`)',
  ),
  // Set by `npm start` (server/serve.mjs) for its own publication clock; never set it by hand.
  HUTONG_WAKE_SECRET: optionalText,
  NODE_ENV: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  VERCEL: z.string().optional(),
});

export type OAuthKeys = { clientId: string; clientSecret: string };
export type OidcSettings = OAuthKeys & { issuer: string; name: string };

export type ServerConfig = {
  /** PostgreSQL connection URL; null means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  /** Absolute path of the PGlite folder (ignored when databaseUrl is set). */
  dataDir: string;
  /** null when AUTH_SECRET is unset; use getAuthSecret() to resolve the fallback. */
  authSecret: string | null;
  /** Whether next-auth may trust the Host / X-Forwarded-Host headers. */
  trustHost: boolean;
  github: OAuthKeys | null;
  google: OAuthKeys | null;
  /** A generic OpenID Connect provider (Keycloak, Authentik, Logto, a company's identity provider). */
  oidc: OidcSettings | null;
  /** Where mail goes: an SMTP server, or null to write each message to the server log instead. */
  smtpUrl: string | null;
  /** The From address of every mail; defaults to no-reply at SITE_URL's host. */
  mailFrom: string | null;
  /**
   * Bearer tokens /api/revalidate accepts: CRON_SECRET (Vercel Cron sends it; an operator's scheduler
   * may too) and the one `npm start` made for its own publication clock.
   */
  schedulerSecrets: string[];
  production: boolean;
  /** true while `next build` runs: nothing may touch the database or demand secrets then. */
  building: boolean;
};

function oauthKeys(id: string | null, secret: string | null, prefix: string, ctx: z.RefinementCtx): OAuthKeys | null {
  if (id && secret) return { clientId: id, clientSecret: secret };
  if (id || secret) {
    ctx.addIssue({
      code: 'custom',
      path: [id ? `${prefix}_SECRET` : `${prefix}_ID`],
      message: `set both ${prefix}_ID and ${prefix}_SECRET, or neither`,
    });
  }
  return null;
}

function oidcSettings(
  e: {
    OIDC_ISSUER: string | null;
    OIDC_CLIENT_ID: string | null;
    OIDC_CLIENT_SECRET: string | null;
    OIDC_NAME: string | null;
  },
  ctx: z.RefinementCtx,
): OidcSettings | null {
  const set = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (set.every((v) => v === null)) return null;
  if (set.some((v) => v === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them',
    });
    return null;
  }
  return {
    issuer: e.OIDC_ISSUER!.replace(/\/+$/, ''),
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    name: e.OIDC_NAME ?? '单点登录',
  };
}

export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = serverEnvSchema
    .transform((e, ctx) => ({
      e,
      github: oauthKeys(e.AUTH_GITHUB_ID, e.AUTH_GITHUB_SECRET, 'AUTH_GITHUB', ctx),
      google: oauthKeys(e.AUTH_GOOGLE_ID, e.AUTH_GOOGLE_SECRET, 'AUTH_GOOGLE', ctx),
      oidc: oidcSettings(e, ctx),
    }))
    .safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(
      `Invalid environment configuration:\n${lines.join('\n')}\nFix these variables (see README, "Configuration").`,
    );
  }
  const { e, github, google, oidc } = result.data;
  const production = e.NODE_ENV === 'production';
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    authSecret: e.AUTH_SECRET,
    // Behind `next start` on a laptop or a single host the Host header is the only source of the origin;
    // Vercel sets VERCEL and rewrites the header itself. Elsewhere in production it must be opted into.
    trustHost: e.AUTH_TRUST_HOST ?? (!production || Boolean(e.VERCEL)),
    github,
    google,
    oidc,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    schedulerSecrets: [e.CRON_SECRET, e.HUTONG_WAKE_SECRET].filter((v): v is string => Boolean(v)),
    production,
    building: e.NEXT_PHASE === 'phase-production-build',
  };
}

let cached: ServerConfig | undefined;

export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

/** Where a generated development secret lives: beside the PGlite folder, so a temporary DATA_DIR gets its own. */
export function authSecretFile(config: Pick<ServerConfig, 'dataDir'>): string {
  return path.join(path.dirname(config.dataDir), 'auth-secret');
}

/**
 * The secret that signs and encrypts session cookies. In production it must come from AUTH_SECRET
 * (`npm start` generates one for the embedded setup before Next starts); in development a secret is
 * generated once and kept under .data/ so sessions survive restarts of `next dev`.
 */
export function getAuthSecret(config: ServerConfig = getServerConfig()): string {
  if (config.authSecret) return config.authSecret;
  if (config.production) {
    throw new ConfigError(
      'AUTH_SECRET is not set. It is required in production to sign session cookies: ' +
        'set it to a random string of at least 32 characters (for example `openssl rand -base64 32`).',
    );
  }
  const file = authSecretFile(config);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process won the race to create it: use theirs so both sign cookies alike.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
  console.warn(`[auth] AUTH_SECRET is not set: generated a development secret in ${file}`);
  return secret;
}
