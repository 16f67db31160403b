import { describe, expect, it } from 'vitest';
import { anchorText, CONTEXT_LENGTH, describeText } from './anchoring';

// An article's text as the body's text nodes give it: CJK without spaces, with a repeated sentence.
const ARTICLE =
  '清晨的胡同里，卖豆浆的三轮车最先到。' +
  '老人们提着鸟笼慢慢走过槐树下，孩子们背着书包跑向学校。' +
  '风吹过来的时候，槐花落了一地。' +
  '到了中午，胡同口的面馆排起长队，老板说这碗面他做了三十年。' +
  '风吹过来的时候，槐花落了一地。' +
  '傍晚，灯一盏一盏亮起来，胡同又安静了。';

function select(text: string, passage: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`no ${passage}`);
  return describeText(text, start, start + passage.length);
}

function found(text: string, anchor: { start: number; end: number } | null) {
  return anchor ? text.slice(anchor.start, anchor.end) : null;
}

describe('describeText', () => {
  it('keeps the passage, its offsets and up to 32 characters of context either side', () => {
    const s = select(ARTICLE, '面馆排起长队');
    expect(s.exact).toBe('面馆排起长队');
    expect(s.prefix).toBe(ARTICLE.slice(s.start - CONTEXT_LENGTH, s.start));
    expect(s.suffix).toBe(ARTICLE.slice(s.end, s.end + CONTEXT_LENGTH));
    expect(describeText(ARTICLE, 0, 2).prefix).toBe('');
    expect(describeText(ARTICLE, ARTICLE.length - 2, ARTICLE.length).suffix).toBe('');
  });
});

describe('anchorText', () => {
  it('finds an unchanged passage at its offsets', () => {
    const s = select(ARTICLE, '槐树下');
    expect(anchorText(ARTICLE, s)).toEqual({ start: s.start, end: s.end, how: 'position' });
  });

  it('follows the passage when text is inserted or deleted before it', () => {
    const s = select(ARTICLE, '这碗面他做了三十年');
    const inserted = '【编者按：本文写于去年冬天，今年春天补记。】' + ARTICLE;
    expect(found(inserted, anchorText(inserted, s))).toBe('这碗面他做了三十年');
    const deleted = ARTICLE.replace('卖豆浆的三轮车最先到。', '');
    const a = anchorText(deleted, s);
    expect(found(deleted, a)).toBe('这碗面他做了三十年');
    expect(a?.how).toBe('quote');
  });

  it('is untouched by edits after it', () => {
    const s = select(ARTICLE, '老人们提着鸟笼');
    const edited = ARTICLE.replace('傍晚，灯一盏一盏亮起来', '夜里十点，最后一盏灯熄了');
    expect(anchorText(edited, s)).toMatchObject({ start: s.start, end: s.end, how: 'position' });
  });

  it('survives a small insertion or deletion inside the passage', () => {
    const s = select(ARTICLE, '孩子们背着书包跑向学校');
    const inserted = ARTICLE.replace('背着书包', '背着红色的书包');
    expect(found(inserted, anchorText(inserted, s))).toBe('孩子们背着红色的书包跑向学校');
    expect(anchorText(inserted, s)?.how).toBe('fuzzy');
    const deleted = ARTICLE.replace('跑向学校', '跑去学校');
    expect(found(deleted, anchorText(deleted, s))).toBe('孩子们背着书包跑去学校');
  });

  it('picks the right copy of a repeated sentence by its context, even after its offsets moved', () => {
    const second = select(ARTICLE, '风吹过来的时候，槐花落了一地。', 1);
    const first = select(ARTICLE, '风吹过来的时候，槐花落了一地。', 0);
    expect(anchorText(ARTICLE, second)).toMatchObject({ start: second.start, how: 'position' });
    expect(anchorText(ARTICLE, first)).toMatchObject({ start: first.start, how: 'position' });
    // Text inserted at the top shifts the first copy's offsets onto nothing in particular; the second
    // copy's context (面馆, not 孩子们) still says which one the reader meant.
    const shifted = '补记：' + ARTICLE;
    const a = anchorText(shifted, second);
    expect(a?.start).toBe(second.start + 3);
    const b = anchorText(shifted, first);
    expect(b?.start).toBe(first.start + 3);
  });

  it('gives up (原文已改动) when the passage is gone, rather than pinning it somewhere wrong', () => {
    const s = select(ARTICLE, '老板说这碗面他做了三十年');
    const rewritten = ARTICLE.replace('老板说这碗面他做了三十年', '据说店主去年已经退休了');
    expect(anchorText(rewritten, s)).toBeNull();
    expect(anchorText('', s)).toBeNull();
  });

  it('does not move a short quote onto a look-alike without its context', () => {
    const s = select(ARTICLE, '豆浆');
    const gone = ARTICLE.replace('卖豆浆的三轮车最先到。', '').replace('傍晚', '豆汁儿摊收了，傍晚');
    expect(anchorText(gone, s)).toBeNull();
  });

  it('anchors in text with Latin words, digits and punctuation as well as CJK', () => {
    const text = 'Next.js 16 发布了。React 19 的 Server Components 让页面更轻。结论：先测量，再优化。';
    const s = select(text, 'Server Components 让页面更轻');
    const edited = text.replace('发布了', '正式发布了');
    expect(found(edited, anchorText(edited, s))).toBe('Server Components 让页面更轻');
  });
});
