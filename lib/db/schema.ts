// The database schema (drizzle pg-core), shared by PGlite and PostgreSQL; drizzle-kit generates
// lib/db/migrations from it.
import { sql } from 'drizzle-orm';
import { highlightColors, type HighlightColor } from '../reading/highlight-colors';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const userRoles = ['reader', 'editor'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always trimmed and lower-cased before it is stored or compared (see lib/accounts/users/validation.ts). */
    email: text('email').notNull().unique(),
    name: text('name'),
    /** argon2id PHC string; null for accounts that only sign in through GitHub or Google. */
    passwordHash: text('password_hash'),
    role: text('role').$type<UserRole>().notNull().default('reader'),
    /**
     * When the reader proved they own `email` (a link mailed to it, or an identity provider that says it
     * checked). Null: a reader like any other, but EDITOR_EMAILS grants nothing. The Auth.js adapter
     * writes it too.
     */
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
    /** 已读 since when; null: 稍后读 (saved, not yet read to the end). */
    readAt: timestamp('read_at', { mode: 'date', withTimezone: true }),
  },
  // The primary key is the uniqueness rule (one row per reader and article); the second index serves "newest first".
  (t) => [
    primaryKey({ columns: [t.userId, t.slug] }),
    index('bookmarks_user_created_idx').on(t.userId, t.createdAt.desc(), t.slug),
  ],
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

/** 收藏夹: a reader's named collections of saved articles. */
export const collections = pgTable(
  'collections',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collections_user_name_idx').on(t.userId, t.name)],
);

/**
 * Which saved articles are in which collection. An item belongs to a bookmark (the reader's own row for
 * that article): unsaving an article takes it out of every collection, and no collection holds an
 * article the reader has not saved.
 */
export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: text('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    slug: text('slug').notNull(),
    addedAt: timestamp('added_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.slug] }),
    index('collection_items_user_slug_idx').on(t.userId, t.slug),
    foreignKey({
      name: 'collection_items_bookmark_fk',
      columns: [t.userId, t.slug],
      foreignColumns: [bookmarks.userId, bookmarks.slug],
    }).onDelete('cascade'),
  ],
);

export const followKinds = ['category', 'author', 'tag'] as const;
export type FollowKind = (typeof followKinds)[number];

/** 关注: the categories, authors and tags a reader follows. */
export const follows = pgTable(
  'follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FollowKind>().notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.name] }),
    check('follows_kind_check', sql`${t.kind} in ('category', 'author', 'tag')`),
  ],
);

/** When a reader last looked at 我的关注: articles published after it are 新. */
export const followViews = pgTable('follow_views', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seenAt: timestamp('seen_at', { mode: 'date', withTimezone: true }).notNull(),
});

export { highlightColors, type HighlightColor };

/**
 * 划线与笔记: a reader's highlights of passages (anchored by W3C TextQuote + TextPosition selectors, so a
 * highlight survives small edits of the article file; lib/reading/anchoring.ts) with an optional note each,
 * and one note per article that belongs to no passage (its selector columns and colour all null).
 */
export const highlights = pgTable(
  'highlights',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    /** Null for the article's own note. */
    color: text('color').$type<HighlightColor>(),
    /** TextQuoteSelector: the passage, and up to 32 characters either side. */
    exact: text('exact'),
    prefix: text('prefix'),
    suffix: text('suffix'),
    /** TextPositionSelector: offsets into the article body's text when the highlight was made. */
    startOffset: integer('start_offset'),
    endOffset: integer('end_offset'),
    note: text('note'),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('highlights_user_slug_idx').on(t.userId, t.slug),
    index('highlights_user_created_idx').on(t.userId, t.createdAt.desc(), t.id),
    // One article note per reader and article.
    uniqueIndex('highlights_article_note_idx')
      .on(t.userId, t.slug)
      .where(sql`${t.exact} is null`),
    check(
      'highlights_shape_check',
      sql`(${t.exact} is null and ${t.prefix} is null and ${t.suffix} is null and ${t.startOffset} is null and ${t.endOffset} is null and ${t.color} is null and ${t.note} is not null)
        or (${t.exact} is not null and ${t.prefix} is not null and ${t.suffix} is not null and ${t.startOffset} >= 0 and ${t.endOffset} > ${t.startOffset} and ${t.color} is not null)`,
    ),
    check(
      'highlights_color_check',
      sql`${t.color} is null or ${t.color} in ('yellow', 'green', 'blue', 'pink', 'purple')`,
    ),
  ],
);

/**
 * Signed-in devices. The session cookie (a JWT) names one of these rows; a cookie whose row is gone
 * (signed out, 退出所有设备, a password change or reset, the account deleted) is no longer honoured, so
 * a copied cookie dies with the session it belonged to.
 */
export const sessions = pgTable(
  'sessions',
  {
    /** Random, 256 bits; only the cookie and this row know it. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    /** Updated at most hourly, for the device list on /account. */
    lastSeenAt: timestamp('last_seen_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    /** Slides forward with use, like the cookie; an idle session ends on its own. */
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    /** Shown in the device list ("Chrome · Android"); never used for a decision. */
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/** Links mailed to a reader: verify the address, or reset the password. Only the token's hash is kept. */
export const emailTokenPurposes = ['verify', 'reset'] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];

export const emailTokens = pgTable(
  'email_tokens',
  {
    /** SHA-256 of the random token in the link (base64url): a leaked table cannot be replayed as links. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<EmailTokenPurpose>().notNull(),
    /** The address the link was sent to: a verification counts only while the account still has it. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    /**
     * When the link was used. A used link grants nothing again; it is kept until it expires so a second
     * click of the same link (a double-click, a form sent twice) is told it already worked.
     */
    usedAt: timestamp('used_at', { mode: 'date', withTimezone: true }),
  },
  (t) => [
    index('email_tokens_user_purpose_idx').on(t.userId, t.purpose),
    check('email_tokens_purpose_check', sql`${t.purpose} in ('verify', 'reset')`),
  ],
);

/**
 * Backoff for guesses (passwords): failures per key, and when the last one was. After a few free
 * failures each further attempt must wait longer (lib/accounts/limits/throttle.ts); a success forgets the key.
 */
export const throttles = pgTable(
  'throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { mode: 'date', withTimezone: true }).notNull(),
    /** The attempt that last passed the check: tells a caller whether its own attempt was the one let through. */
    attemptId: text('attempt_id').notNull(),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [index('throttles_expires_at_idx').on(t.expiresAt)],
);

/** Fixed-window counters (sign-ups, mails sent); in the database so every server process shares them. */
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
export type SessionRow = typeof sessions.$inferSelect;
export type BookmarkRow = typeof bookmarks.$inferSelect;
export type ReadingHistoryRow = typeof readingHistory.$inferSelect;
export type HighlightRow = typeof highlights.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
