// next-auth for the whole app: email + password (and GitHub / Google / an OpenID Connect provider when
// configured), sessions that are rows in the database behind a JWT cookie (lib/accounts/sessions/sessions.ts), and
// getCurrentUser().
import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import { decode } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { safeCallbackPath } from '@/lib/accounts/guards/callback-url';
import { DEVICE_COOKIE, readDeviceNote } from '@/lib/accounts/sessions/device-cookie';
import { createSession, endSession, findSessionUser } from '@/lib/accounts/sessions/sessions';
import { markEmailVerified, verifyCredentials, type AccountUser } from '@/lib/accounts/users/users';
import { normalizeEmail, signInSchema } from '@/lib/accounts/users/validation';
import { getDb } from '@/lib/db/client';
import { getConfig } from '@/lib/config';
import { getAuthSecret, getServerConfig, type ServerConfig } from '@/lib/config/server';

// next-auth builds its own URLs (OAuth redirect URIs, the callback it posts to) from AUTH_URL, else from
// the request as Next sees it internally (`http://localhost:<port>` behind `npm start`), which matches
// neither what the reader's browser used nor what an identity provider has registered. SITE_URL is the
// site's public origin, so it is the default.
if (!process.env.AUTH_URL && !process.env.NEXTAUTH_URL) process.env.AUTH_URL = getConfig().siteUrl;

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; sessionId: string };
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
 * The client address for per-address limits. `npm start`'s server settles X-Forwarded-For to the one
 * address it trusts (the socket's, or what TRUST_PROXY's proxies saw: server/front-door.mjs) before
 * Next runs, so whatever a client wrote there itself is gone. On Vercel, its edge sets the header.
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env.VERCEL) {
    const vercel = headers.get('x-vercel-forwarded-for') ?? headers.get('x-real-ip');
    if (vercel) return vercel.split(',')[0]!.trim();
  }
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}

export type OAuthProviderInfo = { id: 'github' | 'google' | 'oidc'; name: string };

/** The OAuth buttons to show: only providers whose keys are configured. */
export function oauthProviders(config: ServerConfig = getServerConfig()): OAuthProviderInfo[] {
  const list: OAuthProviderInfo[] = [];
  if (config.oidc) list.push({ id: 'oidc', name: config.oidc.name });
  if (config.github) list.push({ id: 'github', name: 'GitHub' });
  if (config.google) list.push({ id: 'google', name: 'Google' });
  return list;
}

/** The browser's device note for the sign-in throttle, from the request's Cookie header. */
function deviceNoteOf(request: Request) {
  const cookie = request.headers.get('cookie') ?? '';
  const value = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([^;]*)`).exec(cookie)?.[1];
  return readDeviceNote(value ? decodeURIComponent(value) : undefined, getAuthSecret());
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
      ([{ DrizzleAdapter }, schema, db]) =>
        DrizzleAdapter(db, { usersTable: schema.users, accountsTable: schema.accounts }),
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
    updateUser: async (user) =>
      (await method('updateUser'))(user.email ? { ...user, email: normalizeEmail(user.email) } : user),
    deleteUser: async (id) => {
      await (
        await method('deleteUser')
      )(id);
    },
    linkAccount: async (account) => {
      await (
        await method('linkAccount')
      )(account);
    },
    unlinkAccount: async (account) => {
      await (
        await method('unlinkAccount')
      )(account);
    },
  };
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
          const result = await verifyCredentials(await getDb(), {
            ...parsed.data,
            ip: clientIp(request.headers),
            device: deviceNoteOf(request),
          });
          if (!result.ok)
            throw result.reason === 'rate_limited'
              ? new RateLimitedError(result.retryAfterSec)
              : new InvalidCredentialsError();
          const { id, email, name } = result.user;
          return { id, email, name };
        },
      }),
      ...(config.oidc
        ? [
            {
              id: 'oidc',
              name: config.oidc.name,
              type: 'oidc' as const,
              issuer: config.oidc.issuer,
              clientId: config.oidc.clientId,
              clientSecret: config.oidc.clientSecret,
              checks: ['pkce' as const, 'state' as const, 'nonce' as const],
            },
          ]
        : []),
      ...(config.github
        ? [GitHub({ clientId: config.github.clientId, clientSecret: config.github.clientSecret })]
        : []),
      ...(config.google
        ? [Google({ clientId: config.google.clientId, clientSecret: config.google.clientSecret })]
        : []),
    ],
    callbacks: {
      // An account is an address: a provider that gives none cannot sign anyone in here.
      signIn({ user, account }) {
        if (account?.type === 'oauth' || account?.type === 'oidc')
          return user.email ? true : '/signin?error=EmailRequired';
        return true;
      },
      async jwt({ token, user }) {
        // Signing in (any provider) starts a session row; the cookie carries only its id.
        if (user?.id) {
          token.sub = user.id;
          token.sid = await createSession(await getDb(), user.id);
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
            sessionId: typeof token.sid === 'string' ? token.sid : '',
          },
        };
      },
      redirect({ url, baseUrl }) {
        // Destinations were already vetted by the actions; this keeps next-auth itself on this site.
        // Sign-out may land on the sign-in page (after deleting an account, say).
        return baseUrl + safeCallbackPath(url, '/', baseUrl, { allowAuthPages: true });
      },
    },
    events: {
      // Both next-auth's own sign-out endpoint and ours land here: the session row goes with the cookie.
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endSession(await getDb(), sid);
      },
      // An identity provider that says it checked the address (OIDC's email_verified) verifies it here
      // too; one that does not (GitHub) leaves it for a mailed link.
      async signIn({ user, account, profile }) {
        if (account?.type !== 'oidc' || !user.id || !user.email || profile?.email_verified !== true) return;
        if (
          typeof profile.email === 'string' &&
          profile.email.trim().toLowerCase() === user.email.trim().toLowerCase()
        ) {
          await markEmailVerified(await getDb(), user.id, user.email);
        }
      },
    },
    logger: {
      error(error) {
        // A failed password is the reader's mistake, shown in the form; it is not a server error.
        if (
          error instanceof CredentialsSignin ||
          (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin
        )
          return;
        // Signing in through a provider with an address a password account already has: the page explains.
        if (error.name === 'OAuthAccountNotLinked') {
          console.warn(
            '[auth] an identity provider sign-in matched an existing account by address; not linked (the reader is told to use their password)',
          );
          return;
        }
        console.error(`[auth] ${error.name}: ${error.message}`, error.cause ?? '');
      },
    },
  };
}

let built: NextAuthConfig | undefined;

// The config is built on first use, not at import: `next build` evaluates this module, and the
// production check for AUTH_SECRET must only fire when a request needs it.
export const { auth, handlers, signIn, signOut } = NextAuth(() => (built ??= buildAuthConfig()));

export type SessionClaims = { userId: string; sessionId: string; name: string | null; email: string | null };

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
      // A cookie from before sessions were rows carries no session id: it is simply signed out.
      if (!payload?.sub || typeof payload.sid !== 'string' || payload.sid === '') return null;
      const claims: SessionClaims = {
        userId: payload.sub,
        sessionId: payload.sid,
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
  if (!user?.id || !user.sessionId) return null;
  return { userId: user.id, sessionId: user.sessionId, name: user.name ?? null, email: user.email ?? null };
}

/**
 * The signed-in reader, checked against the database: null when signed out, when the session was ended
 * (signed out elsewhere, 退出所有设备, a new password) or the account deleted. Every action on a
 * reader's data starts here (or, on the hot bookmark write path, with getSessionClaims() plus a check
 * inside the write).
 */
export async function getCurrentUser(): Promise<(AccountUser & { sessionId: string }) | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const userAgent = (await headers()).get('user-agent');
  const user = await findSessionUser(await getDb(), claims.userId, claims.sessionId, { userAgent });
  return user ? { ...user, sessionId: claims.sessionId } : null;
}
