// The database schema (drizzle pg-core), shared by PGlite and PostgreSQL; drizzle-kit generates lib/db/migrations from it.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';

export const userRoles = ['reader', 'editor'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always trimmed and lower-cased before it is stored or compared (see lib/auth/validation.ts). */
    email: text('email').notNull().unique(),
    name: text('name'),
    /** argon2id PHC string; null for accounts that only sign in through GitHub or Google. */
    passwordHash: text('password_hash'),
    role: text('role').$type<UserRole>().notNull().default('reader'),
    /** Bumped when the password changes; a session cookie carrying an older value is no longer honoured. */
    sessionVersion: integer('session_version').notNull().default(0),
    // The two columns below are the ones the Auth.js adapter reads and writes for OAuth accounts.
    emailVerified: timestamp('email_verified', { mode: 'date', withTimezone: true }),
    image: text('image'),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_check', sql`${t.role} in ('reader', 'editor')`)],
);

/** OAuth links (GitHub, Google), in the shape @auth/drizzle-adapter expects. */
export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_id_idx').on(t.userId)],
);

export const bookmarks = pgTable(
  'bookmarks',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key is the uniqueness rule (one row per reader and article); the second index serves "newest first".
  (t) => [primaryKey({ columns: [t.userId, t.slug] }), index('bookmarks_user_created_idx').on(t.userId, t.createdAt.desc(), t.slug)],
);

/** 继续阅读: the articles a reader opened lately, one row per reader and article, trimmed to the newest few dozen. */
export const readingHistory = pgTable(
  'reading_history',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    openedAt: timestamp('opened_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    /** How far down the article the reader got on their latest visit, 0–1; null until they first leave the page. */
    progress: real('progress'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.slug] }),
    index('reading_history_user_opened_idx').on(t.userId, t.openedAt.desc(), t.slug),
    check('reading_history_progress_check', sql`${t.progress} is null or (${t.progress} >= 0 and ${t.progress} <= 1)`),
  ],
);

/** Fixed-window counters for the sign-in limiter; in the database so every server process shares them. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: timestamp('reset_at', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_reset_at_idx').on(t.resetAt)],
);

export type UserRow = typeof users.$inferSelect;
export type BookmarkRow = typeof bookmarks.$inferSelect;
export type ReadingHistoryRow = typeof readingHistory.$inferSelect;
