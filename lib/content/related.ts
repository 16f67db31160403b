// 相关阅读: 3–5 published articles that share tags, categories and title/excerpt words with an article.
// The build stores each article's features in the site index (features table); a lookup reads only the
// lists of the article's own features, and of a very common one only the stretch nearest to it in time,
// so it costs the same at 1,000 articles and at 100,000, and holds nothing in memory between lookups
// beyond a small cache of answers.
import type { ContentIndex } from './queries';
import type { ArticleMeta } from './types';

export const RELATED_MIN = 3;
export const RELATED_MAX = 5;

/** In a feature shared by more articles than this, only this many nearest in time are considered. */
const WINDOW = 240;

type Statements = ReturnType<typeof prepare>;
const statements = new WeakMap<ContentIndex['db'], Statements>();

function prepare(db: ContentIndex['db']) {
  return {
    self: db.prepare('SELECT id, date_ms, meta FROM articles WHERE slug = ? AND date_ms <= ?'),
    features: db.prepare('SELECT key, weight FROM features WHERE article = ?'),
    df: db.prepare('SELECT df FROM feature_df WHERE key = ?').pluck(),
    // Rows as arrays ([article, weight, date_ms]): a lookup reads ~10,000 of them, and an object a row
    // took a third of its time (100,000 articles: 15.5 → 10.4 ms a lookup, warm).
    all: db.prepare('SELECT article, weight, date_ms FROM features WHERE key = ? AND date_ms <= ?').raw(),
    newer: db
      .prepare(
        'SELECT article, weight, date_ms FROM features WHERE key = ? AND date_ms >= ? AND date_ms <= ? ORDER BY date_ms LIMIT ?',
      )
      .raw(),
    older: db
      .prepare('SELECT article, weight, date_ms FROM features WHERE key = ? AND date_ms < ? ORDER BY date_ms DESC LIMIT ?')
      .raw(),
    nearCategoryNewer: db.prepare(
      'SELECT article, date_ms FROM terms WHERE kind = 0 AND name = ? AND date_ms >= ? AND date_ms <= ? ORDER BY date_ms LIMIT ?',
    ),
    nearCategoryOlder: db.prepare(
      'SELECT article, date_ms FROM terms WHERE kind = 0 AND name = ? AND date_ms < ? ORDER BY date_ms DESC LIMIT ?',
    ),
    nearNewer: db.prepare('SELECT id AS article, date_ms FROM articles WHERE date_ms >= ? AND date_ms <= ? ORDER BY date_ms LIMIT ?'),
    nearOlder: db.prepare('SELECT id AS article, date_ms FROM articles WHERE date_ms < ? ORDER BY date_ms DESC LIMIT ?'),
    metas: db.prepare('SELECT id, meta FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
  };
}

type Near = { article: number; date_ms: number };

/** 相关阅读 for a published article in `index`: 3–5 others, best first; [] for drafts and unknown slugs. */
export function relatedArticles(index: ContentIndex, slug: string): ArticleMeta[] {
  let s = statements.get(index.db);
  if (!s) statements.set(index.db, (s = prepare(index.db)));
  const now = index.now();
  const self = s.self.get(slug.normalize('NFC'), now) as { id: number; date_ms: number; meta: string } | undefined;
  if (!self) return [];
  const n = index.count;
  const scores = new Map<number, number>();
  const dates = new Map<number, number>();
  for (const { key, weight } of s.features.all(self.id) as Array<{ key: string; weight: number }>) {
    const df = (s.df.get(key) as number | undefined) ?? 0;
    if (df < 2) continue;
    const idf = Math.log(1 + n / df);
    const rows = (
      df <= WINDOW
        ? s.all.all(key, now)
        : [...s.newer.all(key, self.date_ms, now, WINDOW / 2 + 1), ...s.older.all(key, self.date_ms, WINDOW / 2)]
    ) as Array<[article: number, weight: number, date_ms: number]>;
    for (const [article, rowWeight, date] of rows) {
      if (article === self.id || date > now) continue;
      scores.set(article, (scores.get(article) ?? 0) + (idf * (weight + rowWeight)) / 2);
      dates.set(article, date);
    }
  }
  // Best first: higher score, then nearer in time, then newer.
  const distance = (id: number) => Math.abs((dates.get(id) as number) - self.date_ms);
  const ranked = [...scores.keys()]
    .sort(
      (a, b) =>
        (scores.get(b) as number) - (scores.get(a) as number) ||
        distance(a) - distance(b) ||
        (dates.get(b) as number) - (dates.get(a) as number),
    )
    .slice(0, RELATED_MAX);

  if (ranked.length < RELATED_MIN) {
    // Too few shared features: make up the minimum with the articles nearest in time, same category first.
    const taken = new Set([self.id, ...ranked]);
    const fillFrom = (rows: Near[]) => {
      rows.sort((a, b) => Math.abs(a.date_ms - self.date_ms) - Math.abs(b.date_ms - self.date_ms) || b.date_ms - a.date_ms);
      for (const row of rows) {
        if (ranked.length >= RELATED_MIN) return;
        if (taken.has(row.article) || row.date_ms > now) continue;
        ranked.push(row.article);
        taken.add(row.article);
      }
    };
    const meta = JSON.parse(self.meta) as ArticleMeta;
    const category = meta.categories[0]?.normalize('NFC').trim();
    const span = RELATED_MIN + 2;
    if (category !== undefined)
      fillFrom([
        ...(s.nearCategoryNewer.all(category, self.date_ms, now, span) as Near[]),
        ...(s.nearCategoryOlder.all(category, self.date_ms, span) as Near[]),
      ]);
    fillFrom([...(s.nearNewer.all(self.date_ms, now, span) as Near[]), ...(s.nearOlder.all(self.date_ms, span) as Near[])]);
  }
  const byId = new Map(
    (s.metas.all(JSON.stringify(ranked)) as Array<{ id: number; meta: string }>).map((r) => [r.id, JSON.parse(r.meta) as ArticleMeta]),
  );
  return ranked.flatMap((id) => byId.get(id) ?? []);
}
