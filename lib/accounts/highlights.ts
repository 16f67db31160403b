// 划线与笔记: a reader's highlights (a passage, a colour, an optional note) and their one note per article.
// Every write is guarded by the reader's session like bookmarks; input is checked here, once, for the API
// routes and the tests alike, and answered in zh-CN.
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { withDbError } from '@/lib/db/client';
import {
  assertOwner,
  ownerCondition,
  ownerStillValid,
  touchedOwn,
  UserGoneError,
  withOwnerWrite,
  type WriteGuard,
} from '@/lib/accounts/guards/owner-guard';
import { highlights, users, type HighlightRow } from '@/lib/db/schema';
import { highlightColors, type HighlightColor } from '@/lib/reading/highlight-colors';
import { isValidSlug } from '@/lib/accounts/bookmarks';

export { UserGoneError, type WriteGuard };

/** Highlights and article notes kept per account. */
export const MAX_HIGHLIGHTS = 10_000;
/** A highlighted passage, in characters: several long paragraphs. */
export const MAX_EXACT_LENGTH = 4_000;
export const MAX_NOTE_LENGTH = 5_000;
/** Context either side, as the client sends it (32 characters; some slack for what other tools send). */
export const MAX_CONTEXT_LENGTH = 64;
/** Offsets past this are no article's. */
const MAX_OFFSET = 10_000_000;
export const HIGHLIGHTS_PAGE_SIZE = 30;

/** The reader has as many highlights as an account may keep. */
export class HighlightLimitError extends Error {
  override name = 'HighlightLimitError';
  constructor() {
    super(`已达到每个账号 ${MAX_HIGHLIGHTS.toLocaleString('en-US')} 条划线和笔记的上限，请先删除一些旧的划线`);
  }
}

const wellFormed = (label: string, max: number) =>
  z
    .string({ error: `缺少${label}` })
    .max(max, { error: `${label}最多 ${max} 个字符` })
    .refine((s) => s.isWellFormed(), { error: `${label}含有无效字符` });

const note = wellFormed('笔记', MAX_NOTE_LENGTH);

const NOT_AN_OBJECT = { error: '请求内容应为 JSON 对象' };
const slugField = z.string({ error: '文章地址无效' }).refine(isValidSlug, { error: '文章地址无效' });

export const newHighlightSchema = z
  .object(
    {
      slug: slugField,
      color: z.enum(highlightColors, { error: '颜色无效' }),
      exact: wellFormed('划线文字', MAX_EXACT_LENGTH).refine((s) => s.trim().length > 0, { error: '划线文字不能为空' }),
      prefix: wellFormed('划线前文', MAX_CONTEXT_LENGTH),
      suffix: wellFormed('划线后文', MAX_CONTEXT_LENGTH),
      start: z.number({ error: '划线位置无效' }).int({ error: '划线位置无效' }).min(0).max(MAX_OFFSET),
      end: z.number({ error: '划线位置无效' }).int({ error: '划线位置无效' }).min(1).max(MAX_OFFSET),
      note: note.optional(),
    },
    NOT_AN_OBJECT,
  )
  .refine((h) => h.end > h.start, { error: '划线位置无效' });
export type NewHighlight = z.infer<typeof newHighlightSchema>;

export const highlightChangeSchema = z
  .object(
    { color: z.enum(highlightColors, { error: '颜色无效' }).optional(), note: note.nullable().optional() },
    NOT_AN_OBJECT,
  )
  .refine((c) => c.color !== undefined || c.note !== undefined, { error: '没有要修改的内容' });
export type HighlightChange = z.infer<typeof highlightChangeSchema>;

export const articleNoteSchema = z.object({ slug: slugField, note }, NOT_AN_OBJECT);

/** The first problem of a failed parse, for a 400's message. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求无效';
}

/** A highlight as the API answers it and the export writes it. */
export type Highlight = {
  id: string;
  slug: string;
  /** null: the article's own note. */
  color: HighlightColor | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    slug: row.slug,
    color: row.color,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.startOffset,
    end: row.endOffset,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An empty note is no note. */
function cleanNote(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const underLimit = (userId: string) =>
  sql`(select count(*) from ${highlights} where ${highlights.userId} = ${userId}) < ${MAX_HIGHLIGHTS}`;

type RowValues = {
  slug: string;
  color: HighlightColor | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  note: string | null;
};

/**
 * The insert of one row selected from the reader's own users row, so the account, the session and the
 * per-account limit are checked in the insert's own statement.
 */
function insertOwnRow(db: Db, userId: string, guard: WriteGuard, v: RowValues) {
  return db.insert(highlights).select(
    db
      .select({
        id: sql<string>`${crypto.randomUUID()}`.as('id'),
        userId: users.id,
        slug: sql<string>`${v.slug}`.as('slug'),
        color: sql<string | null>`${v.color}::text`.as('color'),
        exact: sql<string | null>`${v.exact}::text`.as('exact'),
        prefix: sql<string | null>`${v.prefix}::text`.as('prefix'),
        suffix: sql<string | null>`${v.suffix}::text`.as('suffix'),
        startOffset: sql<number | null>`${v.start}::integer`.as('start_offset'),
        endOffset: sql<number | null>`${v.end}::integer`.as('end_offset'),
        note: sql<string | null>`${v.note}::text`.as('note'),
        createdAt: sql<Date>`now()`.as('created_at'),
        updatedAt: sql<Date>`now()`.as('updated_at'),
      })
      .from(users)
      .where(and(ownerCondition(userId, guard), underLimit(userId))),
  );
}

/** The inserted row, or why there is none: the reader or session is gone, or the account is at its limit. */
async function inserted(db: Db, userId: string, guard: WriteGuard, rows: HighlightRow[]): Promise<Highlight> {
  const row = rows[0];
  if (row) return toHighlight(row);
  await assertOwner(db, userId, guard);
  throw new HighlightLimitError();
}

/** Saves a new highlight; throws HighlightLimitError at the account's limit, UserGoneError for an ended session. */
export async function createHighlight(
  db: Db,
  userId: string,
  input: NewHighlight,
  guard: WriteGuard = {},
): Promise<Highlight> {
  const { slug, color, exact, prefix, suffix, start, end } = input;
  const rows = await withOwnerWrite(`add highlight on ${slug} for user ${userId}`, userId, () =>
    insertOwnRow(db, userId, guard, {
      slug,
      color,
      exact,
      prefix,
      suffix,
      start,
      end,
      note: cleanNote(input.note),
    }).returning(),
  );
  return inserted(db, userId, guard, rows);
}

/** Changes a highlight's colour or note; null when the reader has no such highlight. */
export async function updateHighlight(
  db: Db,
  userId: string,
  id: string,
  change: HighlightChange,
  guard: WriteGuard = {},
): Promise<Highlight | null> {
  const set: Partial<typeof highlights.$inferInsert> = { updatedAt: sql`now()` as unknown as Date };
  if (change.color !== undefined) set.color = change.color;
  if (change.note !== undefined) set.note = cleanNote(change.note);
  const rows = await withDbError(`update highlight ${id} for user ${userId}`, () =>
    db
      .update(highlights)
      .set(set)
      // Passages only: the article's note is written by setArticleNote.
      .where(
        and(
          eq(highlights.id, id),
          eq(highlights.userId, userId),
          isNotNull(highlights.exact),
          ownerStillValid(userId, guard),
        ),
      )
      .returning(),
  );
  return (await touchedOwn(db, userId, guard, rows.length)) ? toHighlight(rows[0]!) : null;
}

/** Deletes one highlight or article note; false when the reader has no such row. */
export async function deleteHighlight(db: Db, userId: string, id: string, guard: WriteGuard = {}): Promise<boolean> {
  const rows = await withDbError(`delete highlight ${id} for user ${userId}`, () =>
    db
      .delete(highlights)
      .where(and(eq(highlights.id, id), eq(highlights.userId, userId), ownerStillValid(userId, guard)))
      .returning({ id: highlights.id }),
  );
  return touchedOwn(db, userId, guard, rows.length);
}

/** Writes (or, with an empty note, deletes) the reader's note on a whole article. */
export async function setArticleNote(
  db: Db,
  userId: string,
  slug: string,
  text: string,
  guard: WriteGuard = {},
): Promise<Highlight | null> {
  const value = cleanNote(text);
  if (value === null) {
    await withDbError(`delete article note on ${slug} for user ${userId}`, () =>
      db
        .delete(highlights)
        .where(
          and(
            eq(highlights.userId, userId),
            eq(highlights.slug, slug),
            isNull(highlights.exact),
            ownerStillValid(userId, guard),
          ),
        ),
    );
    await assertOwner(db, userId, guard);
    return null;
  }
  const rows = await withOwnerWrite(`write article note on ${slug} for user ${userId}`, userId, () =>
    insertOwnRow(db, userId, guard, {
      slug,
      color: null,
      exact: null,
      prefix: null,
      suffix: null,
      start: null,
      end: null,
      note: value,
    })
      .onConflictDoUpdate({
        target: [highlights.userId, highlights.slug],
        targetWhere: sql`${highlights.exact} is null`,
        set: { note: value, updatedAt: sql`now()` },
      })
      .returning(),
  );
  return inserted(db, userId, guard, rows);
}

/** The reader's highlights on one article in reading order, then the article's note. */
export async function highlightsOf(db: Db, userId: string, slug: string): Promise<Highlight[]> {
  const rows = await withDbError(`read highlights on ${slug} for user ${userId}`, () =>
    db
      .select()
      .from(highlights)
      .where(and(eq(highlights.userId, userId), eq(highlights.slug, slug)))
      .orderBy(sql`${highlights.startOffset} asc nulls last`, asc(highlights.createdAt), asc(highlights.id))
      .limit(MAX_HIGHLIGHTS),
  );
  return rows.map(toHighlight);
}

export type HighlightFilter = {
  /** Words, each of which must occur in the passage or the note (substring: Chinese needs no spaces). */
  q?: string;
  color?: HighlightColor;
};

/** `%`, `_` and `\` stand for themselves in a search. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The words of a search box, at most 8, each at most 100 characters. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .split(/\s+/u)
    .filter((t) => t.length > 0 && t.isWellFormed())
    .slice(0, 8)
    .map((t) => t.slice(0, 100));
}

function filterCondition(userId: string, filter: HighlightFilter): SQL | undefined {
  const terms = searchTerms(filter.q).map((t) =>
    or(ilike(highlights.exact, likePattern(t)), ilike(highlights.note, likePattern(t))),
  );
  return and(eq(highlights.userId, userId), filter.color ? eq(highlights.color, filter.color) : undefined, ...terms);
}

export type HighlightPage = { items: Highlight[]; total: number; page: number; pageCount: number; pageSize: number };

/** Newest first, filtered; a page past the end returns the last page. */
export async function listHighlights(
  db: Db,
  userId: string,
  filter: HighlightFilter = {},
  page = 1,
  pageSize = HIGHLIGHTS_PAGE_SIZE,
): Promise<HighlightPage> {
  const where = filterCondition(userId, filter);
  const totals = await withDbError(`count highlights for user ${userId}`, () =>
    db.select({ total: count() }).from(highlights).where(where),
  );
  const total = totals[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await withDbError(`list highlights for user ${userId}`, () =>
    db
      .select()
      .from(highlights)
      .where(where)
      .orderBy(desc(highlights.createdAt), desc(highlights.id))
      .limit(pageSize)
      .offset((current - 1) * pageSize),
  );
  return { items: rows.map(toHighlight), total, page: current, pageCount, pageSize };
}

/** Every highlight and note of the reader, newest first (the export; grouping by article). */
export async function allHighlights(db: Db, userId: string, filter: HighlightFilter = {}): Promise<Highlight[]> {
  const rows = await withDbError(`export highlights for user ${userId}`, () =>
    db
      .select()
      .from(highlights)
      .where(filterCondition(userId, filter))
      .orderBy(desc(highlights.createdAt), desc(highlights.id))
      .limit(MAX_HIGHLIGHTS),
  );
  return rows.map(toHighlight);
}

export async function countHighlights(db: Db, userId: string): Promise<number> {
  const rows = await withDbError(`count highlights for user ${userId}`, () =>
    db.select({ total: count() }).from(highlights).where(eq(highlights.userId, userId)),
  );
  return rows[0]?.total ?? 0;
}
