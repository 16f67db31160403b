// next-auth for the whole app: email + password (and GitHub / Google when configured), JWT sessions, and getCurrentUser().
import { cookies } from 'next/headers';
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import { decode } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { findUserById, verifyCredentials, type AccountUser } from '@/lib/auth/users';
import { normalizeEmail, signInSchema } from '@/lib/auth/validation';
import { getDb } from '@/lib/db/client';
import { getAuthSecret, getServerConfig, type ServerConfig } from '@/lib/server-config';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; sessionVersion: number };
  }
  interface User {
    sessionVersion?: number;
  }
}

/** Wrong email or password: one code for both, so the answer never reveals which accounts exist. */
export class InvalidCredentialsError extends CredentialsSignin {
  override code = 'invalid';
}

export class RateLimitedError extends CredentialsSignin {
  override code = 'rate_limited';
  constructor(readonly retryAfterSec: number) {
    super(`Too many sign-in attempts; retry in ${retryAfterSec} s`);
  }
}

/**
 * The client address for per-IP limits. The last X-Forwarded-For entry is the one added by the
 * nearest proxy (or by `next start` itself from the socket), so it is the hardest to forge.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip')?.trim() || 'unknown';
}

export type OAuthProviderInfo = { id: 'github' | 'google'; name: string };

/** The OAuth buttons to show: only providers whose keys are configured. */
export function oauthProviders(config: ServerConfig = getServerConfig()): OAuthProviderInfo[] {
  const list: OAuthProviderInfo[] = [];
  if (config.github) list.push({ id: 'github', name: 'GitHub' });
  if (config.google) list.push({ id: 'google', name: 'Google' });
  return list;
}

/**
 * The Drizzle adapter, created on first use: OAuth sign-ins need the database, but `auth()` in
 * proxy.ts and in pages only decodes the JWT and must not open it. Emails are normalized here as well,
 * so an OAuth account and a password account with differently cased addresses are still one person.
 */
function lazyAdapter(): Adapter {
  let adapter: Promise<Adapter> | undefined;
  const real = () =>
    (adapter ??= Promise.all([import('@auth/drizzle-adapter'), import('@/lib/db/schema'), getDb()]).then(
      ([{ DrizzleAdapter }, schema, db]) => DrizzleAdapter(db, { usersTable: schema.users, accountsTable: schema.accounts }),
    ));
  const method = async <K extends keyof Adapter>(name: K): Promise<NonNullable<Adapter[K]>> => {
    const fn = (await real())[name];
    if (!fn) throw new Error(`The Drizzle adapter has no ${String(name)} method`);
    return fn as NonNullable<Adapter[K]>;
  };
  return {
    createUser: async (user) => (await method('createUser'))({ ...user, email: normalizeEmail(user.email) }),
    getUser: async (id) => (await method('getUser'))(id),
    getUserByEmail: async (email) => (await method('getUserByEmail'))(normalizeEmail(email)),
    getUserByAccount: async (account) => (await method('getUserByAccount'))(account),
    updateUser: async (user) => (await method('updateUser'))(user.email ? { ...user, email: normalizeEmail(user.email) } : user),
    deleteUser: async (id) => {
      await (await method('deleteUser'))(id);
    },
    linkAccount: async (account) => {
      await (await method('linkAccount'))(account);
    },
    unlinkAccount: async (account) => {
      await (await method('unlinkAccount'))(account);
    },
  };
}

async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await findUserById(await getDb(), userId);
  return user ? user.sessionVersion : null;
}

function buildAuthConfig(): NextAuthConfig {
  const config = getServerConfig();
  const oauth = oauthProviders(config);
  return {
    secret: getAuthSecret(config),
    trustHost: config.trustHost,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    adapter: oauth.length > 0 ? lazyAdapter() : undefined,
    providers: [
      Credentials({
        credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new InvalidCredentialsError();
          const result = await verifyCredentials(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
          if (!result.ok) throw result.reason === 'rate_limited' ? new RateLimitedError(result.retryAfterSec) : new InvalidCredentialsError();
          const { id, email, name, sessionVersion } = result.user;
          return { id, email, name, sessionVersion };
        },
      }),
      ...(config.github ? [GitHub({ clientId: config.github.clientId, clientSecret: config.github.clientSecret })] : []),
      ...(config.google ? [Google({ clientId: config.google.clientId, clientSecret: config.google.clientSecret })] : []),
    ],
    callbacks: {
      async jwt({ token, user, trigger }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = user.sessionVersion ?? (await currentSessionVersion(user.id)) ?? 0;
        } else if (trigger === 'update' && token.sub) {
          // After a password change: this device keeps its session at the new version.
          const version = await currentSessionVersion(token.sub);
          if (version === null) return null;
          token.sv = version;
        }
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: {
            id: token.sub ?? '',
            name: typeof token.name === 'string' ? token.name : null,
            email: typeof token.email === 'string' ? token.email : null,
            sessionVersion: typeof token.sv === 'number' ? token.sv : 0,
          },
        };
      },
      redirect({ url, baseUrl }) {
        // Destinations were already vetted by the actions; this keeps next-auth itself on this site.
        // Sign-out may land on the sign-in page (after deleting an account, say).
        return baseUrl + safeCallbackPath(url, '/', baseUrl, { allowAuthPages: true });
      },
    },
    logger: {
      error(error) {
        // A failed password is the reader's mistake, shown in the form; it is not a server error.
        if (error instanceof CredentialsSignin || (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin) return;
        console.error(`[auth] ${error.name}: ${error.message}`, error.cause ?? '');
      },
    },
  };
}

let built: NextAuthConfig | undefined;

// The config is built on first use, not at import: `next build` evaluates this module, and the
// production check for AUTH_SECRET must only fire when a request needs it.
export const { auth, handlers, signIn, signOut, unstable_update } = NextAuth(() => (built ??= buildAuthConfig()));

export type SessionClaims = { userId: string; sessionVersion: number; name: string | null; email: string | null };

/** next-auth's session cookie: the __Secure- form on HTTPS, the plain one on http://localhost. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
const CLAIMS_CACHE_SIZE = 5_000;
/** Decrypted cookies by their exact value: the JWE is authenticated, so equal strings mean equal claims. */
const claimsCache = new Map<string, { claims: SessionClaims; expiresAt: number }>();

function rememberClaims(token: string, claims: SessionClaims, expiresAt: number): void {
  if (claimsCache.size >= CLAIMS_CACHE_SIZE) {
    const oldest = claimsCache.keys().next().value;
    if (oldest !== undefined) claimsCache.delete(oldest);
  }
  claimsCache.set(token, { claims, expiresAt });
}

/**
 * The session cookie's claims, without a database lookup. Reads the same cookie next-auth writes,
 * decrypting it once and remembering the result: every bookmark request carries it, and the full
 * `auth()` round trip (decrypt, re-encrypt, callbacks) would dominate their cost. Expiry is honoured.
 * Falls back to `auth()` for anything unusual (a cookie split into chunks).
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    if (jar.has(`${name}.0`)) return claimsFromSession(await auth());
    const token = jar.get(name)?.value;
    if (!token) continue;
    const cached = claimsCache.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.claims;
      claimsCache.delete(token);
      return null;
    }
    try {
      const payload = await decode({ token, secret: getAuthSecret(), salt: name });
      if (!payload?.sub) return null;
      const claims: SessionClaims = {
        userId: payload.sub,
        sessionVersion: typeof payload.sv === 'number' ? payload.sv : 0,
        name: typeof payload.name === 'string' ? payload.name : null,
        email: typeof payload.email === 'string' ? payload.email : null,
      };
      const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now();
      rememberClaims(token, claims, expiresAt);
      return expiresAt > Date.now() ? claims : null;
    } catch {
      // Tampered, expired, or sealed with another secret: not signed in.
      return null;
    }
  }
  return null;
}

function claimsFromSession(session: Session | null): SessionClaims | null {
  const user = session?.user;
  if (!user?.id) return null;
  return { userId: user.id, sessionVersion: user.sessionVersion, name: user.name ?? null, email: user.email ?? null };
}

/**
 * The signed-in reader, checked against the database: null when signed out, when the account was
 * deleted, or when the session predates a password change. Every action on a reader's data starts
 * here (or, on the hot bookmark write path, with getSessionClaims() plus a check inside the write).
 */
export async function getCurrentUser(): Promise<AccountUser | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await findUserById(await getDb(), claims.userId);
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return user;
}
