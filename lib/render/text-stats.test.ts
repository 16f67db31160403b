import { describe, expect, it } from 'vitest';
import { countReadableChars, EXCERPT_MAX, makeExcerpt, readingMinutes } from './text-stats';

describe('countReadableChars', () => {
  it('counts each CJK character once and ignores punctuation', () => {
    expect(countReadableChars('胡同口的煎饼摊。')).toBe(7);
    expect(countReadableChars('“你好！”——《城南》')).toBe(4);
  });

  it('counts Latin words and numbers as one each, joined parts included', () => {
    expect(countReadableChars('Hello world, it’s 12.6 e-mail')).toBe(5);
    expect(countReadableChars('微信及WeChat的月活为12.6亿')).toBe(10);
  });

  it('counts kana, hangul and rare ideographs outside the basic block', () => {
    expect(countReadableChars('ひらがなカタカナ한국어𠀀')).toBe(12);
  });

  it('is zero for empty or punctuation-only text', () => {
    expect(countReadableChars('')).toBe(0);
    expect(countReadableChars(' ，。!? \n')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes at about 400 characters a minute, never below one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(150)).toBe(1);
    expect(readingMinutes(1000)).toBe(3);
    expect(readingMinutes(4000)).toBe(10);
  });
});

describe('makeExcerpt', () => {
  it('returns short text whole', () => {
    expect(makeExcerpt(['清晨六点，胡同口的煎饼摊已经支起了炉子。'])).toBe('清晨六点，胡同口的煎饼摊已经支起了炉子。');
  });

  it('runs Chinese paragraphs together and spaces Latin ones', () => {
    expect(makeExcerpt(['第一段。', '第二段。'])).toBe('第一段。第二段。');
    expect(makeExcerpt(['First.', 'Second.'])).toBe('First. Second.');
  });

  it('ends at the last full sentence that fits, keeping a closing quote', () => {
    const first = '他说：“' + '街坊们天天来'.repeat(15) + '。”';
    const second = '这是第二句，'.repeat(10) + '结束。';
    const excerpt = makeExcerpt([first + second]);
    expect(excerpt).toBe(first);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_MAX);
  });

  it('cuts a long sentence with an ellipsis, dropping a dangling comma', () => {
    const excerpt = makeExcerpt(['排队的人不多，'.repeat(40)]);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/，…$/);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_MAX);
  });

  it('cuts mid-sentence rather than keep a sentence too short to be useful', () => {
    const excerpt = makeExcerpt(['好。' + '一二三四五六七八九十'.repeat(20)]);
    expect(Array.from(excerpt)).toHaveLength(EXCERPT_MAX);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('never splits a character outside the basic plane', () => {
    const excerpt = makeExcerpt(['𠀀'.repeat(200)]);
    expect(excerpt).toBe('𠀀'.repeat(EXCERPT_MAX - 1) + '…');
  });

  it('is empty when there is no text', () => {
    expect(makeExcerpt([])).toBe('');
    expect(makeExcerpt(['', ''])).toBe('');
  });
});
