// The reader's highlights and notes as files they can keep: Markdown, one file per article (front matter +
// each passage as a quote with its note, the shape Readwise and Obsidian users import), zipped when there
// is more than one article; and JSON with every selector, for another tool to re-anchor.
import { zipSync, strToU8 } from 'fflate';
import { COLOR_NAMES } from '@/lib/reading/highlight-colors';
import type { Highlight } from './highlights';

export type ArticleRef = { slug: string; title: string | null; author: string | null; url: string | null };

export type ArticleHighlights = { article: ArticleRef; note: Highlight | null; passages: Highlight[] };

/** Groups highlights by article, articles in the order their newest highlight or note was made. */
export function groupByArticle(rows: readonly Highlight[], ref: (slug: string) => ArticleRef): ArticleHighlights[] {
  const groups = new Map<string, ArticleHighlights>();
  for (const h of rows) {
    let group = groups.get(h.slug);
    if (!group) {
      group = { article: ref(h.slug), note: null, passages: [] };
      groups.set(h.slug, group);
    }
    if (h.exact === null) group.note = h;
    else group.passages.push(h);
  }
  const newest = (g: ArticleHighlights) =>
    Math.max(...[g.note, ...g.passages].filter((h): h is Highlight => h !== null).map((h) => Date.parse(h.createdAt)));
  const list = [...groups.values()];
  for (const g of list)
    g.passages.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || a.createdAt.localeCompare(b.createdAt));
  return list.sort((a, b) => newest(b) - newest(a));
}

/** Text that Markdown shows as written (no emphasis, links, headings or lists made of the reader's passage). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s|$)/gm, (_, space: string, mark: string) =>
      mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    );
}

function quoteLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

function noteLines(text: string, lead: string): string {
  const lines = text.split(/\r\n|\r|\n/).map(escapeMarkdown);
  return `${lead}${lines.join('  \n')}`;
}

/** One article's Markdown file. */
export function articleMarkdown(group: ArticleHighlights, exportedAt: Date): string {
  const { article, note, passages } = group;
  const title = article.title ?? article.slug;
  const front = [
    '---',
    `title: ${JSON.stringify(title)}`,
    article.author ? `author: ${JSON.stringify(article.author)}` : null,
    article.url ? `source: ${JSON.stringify(article.url)}` : `source: null # 这篇文章已不在本站`,
    `highlights: ${passages.length}`,
    `exported: ${exportedAt.toISOString()}`,
    '---',
  ].filter((l): l is string => l !== null);
  const out = [...front, '', `# ${escapeMarkdown(title)}`, ''];
  if (article.url) out.push(`原文：<${article.url}>`, '');
  if (note?.note) out.push('## 笔记', '', noteLines(note.note, ''), '');
  if (passages.length > 0) {
    out.push('## 划线', '');
    for (const h of passages) {
      out.push(quoteLines(h.exact ?? ''), '');
      const meta = [h.color ? COLOR_NAMES[h.color] : null, h.createdAt.slice(0, 10)].filter(Boolean).join(' · ');
      const link = article.url ? ` · [原文位置](<${article.url}#hl-${h.id}>)` : '';
      out.push(`<small>${meta}${link}</small>`, '');
      if (h.note) out.push(noteLines(h.note, '**笔记：** '), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** A file name every system accepts, from the article's title. */
export function markdownFileName(group: ArticleHighlights, taken: Set<string>): string {
  const base =
    (group.article.title ?? group.article.slug)
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .replace(/^\.+/, '') || 'article';
  let name = `${base}.md`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i}).md`;
  taken.add(name.toLowerCase());
  return name;
}

/** Every article's Markdown file in one zip archive. */
export function markdownZip(groups: readonly ArticleHighlights[], exportedAt: Date): Uint8Array {
  const taken = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const g of groups) files[markdownFileName(g, taken)] = strToU8(articleMarkdown(g, exportedAt));
  return zipSync(files, { level: 6, mtime: exportedAt });
}

/** The JSON export's part for highlights: every selector kept, so another tool can anchor them again. */
export function highlightsJson(groups: readonly ArticleHighlights[]) {
  return groups.map((g) => ({
    ...g.article,
    available: g.article.url !== null,
    note: g.note ? { text: g.note.note, createdAt: g.note.createdAt, updatedAt: g.note.updatedAt } : null,
    highlights: g.passages.map((h) => ({
      id: h.id,
      color: h.color,
      text: h.exact,
      note: h.note,
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          { type: 'TextPositionSelector', start: h.start, end: h.end },
        ],
      },
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    })),
  }));
}
