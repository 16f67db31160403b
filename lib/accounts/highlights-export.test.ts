import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Highlight } from './highlights';
import {
  articleMarkdown,
  escapeMarkdown,
  groupByArticle,
  highlightsJson,
  markdownZip,
  type ArticleRef,
} from './highlights-export';

let n = 0;
function h(slug: string, exact: string | null, extra: Partial<Highlight> = {}): Highlight {
  n += 1;
  const at = new Date(Date.UTC(2026, 11, 1, 8, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    slug,
    color: exact === null ? null : 'yellow',
    exact,
    prefix: exact === null ? null : '前',
    suffix: exact === null ? null : '后',
    start: exact === null ? null : 100 - n,
    end: exact === null ? null : 100 - n + (exact?.length ?? 0),
    note: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

const refs: Record<string, ArticleRef> = {
  hutong: { slug: 'hutong', title: '胡同里的早晨', author: '林白', url: 'https://example.org/articles/hutong' },
  gone: { slug: 'gone', title: null, author: null, url: null },
  same: { slug: 'same', title: '胡同里的早晨', author: null, url: 'https://example.org/articles/same' },
};
const ref = (slug: string) => refs[slug]!;

describe('highlights export', () => {
  const rows = [
    h('hutong', '卖豆浆的三轮车最先到', { note: '小时候\n每天都等它' }),
    h('gone', '这篇已经下线'),
    h('hutong', null, { note: '整篇读完的感想' }),
    h('hutong', '# 不是标题 *也不是强调* [不是链接](x)', { color: 'green' }),
    h('same', '同名文章'),
  ];
  const groups = groupByArticle(rows, ref);

  it('groups by article, newest activity first, passages in reading order, the article note apart', () => {
    expect(groups.map((g) => g.article.slug)).toEqual(['same', 'hutong', 'gone']);
    const hutong = groups[1]!;
    expect(hutong.note?.note).toBe('整篇读完的感想');
    // Later highlights were given earlier offsets above: reading order is by offset, not by time.
    expect(hutong.passages.map((p) => p.exact)).toEqual([
      '# 不是标题 *也不是强调* [不是链接](x)',
      '卖豆浆的三轮车最先到',
    ]);
  });

  it('writes one Markdown file per article: front matter, the note, each passage quoted with its note and place', () => {
    const md = articleMarkdown(groups[1]!, new Date('2026-12-06T00:00:00Z'));
    expect(md).toContain(
      'title: "胡同里的早晨"\nauthor: "林白"\nsource: "https://example.org/articles/hutong"\nhighlights: 2',
    );
    expect(md).toContain('# 胡同里的早晨\n\n原文：<https://example.org/articles/hutong>');
    expect(md).toContain('## 笔记\n\n整篇读完的感想');
    expect(md).toContain('> 卖豆浆的三轮车最先到');
    expect(md).toContain('**笔记：** 小时候  \n每天都等它');
    expect(md).toMatch(/\[原文位置\]\(<https:\/\/example\.org\/articles\/hutong#hl-[0-9a-f-]+>\)/);
    expect(md).toContain('> \\# 不是标题 \\*也不是强调\\* \\[不是链接\\](x)');
    const gone = articleMarkdown(groups[2]!, new Date());
    expect(gone).toContain('source: null');
    expect(gone).toContain('# gone');
  });

  it('escapes what Markdown would otherwise turn into markup', () => {
    expect(escapeMarkdown('1. 第一\n- 列表\n<script>')).toBe('1\\. 第一\n\\- 列表\n\\<script\\>');
  });

  it('zips the files under their titles, two articles of one title kept apart', () => {
    const files = unzipSync(markdownZip(groups, new Date('2026-12-06T00:00:00Z')));
    expect(Object.keys(files).sort()).toEqual(['gone.md', '胡同里的早晨 (2).md', '胡同里的早晨.md']);
    expect(strFromU8(files['胡同里的早晨.md']!)).toContain('同名文章');
  });

  it('keeps every selector in the JSON, so another tool can anchor the passages again', () => {
    const json = highlightsJson(groups);
    expect(json[1]!.highlights[1]!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '卖豆浆的三轮车最先到', prefix: '前', suffix: '后' },
      { type: 'TextPositionSelector', start: groups[1]!.passages[1]!.start, end: groups[1]!.passages[1]!.end },
    ]);
    expect(json[2]).toMatchObject({ slug: 'gone', available: false });
  });
});
