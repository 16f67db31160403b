import { describe, expect, it } from 'vitest';
import { foldText, foldWithDiff, unfoldSlice } from './fold';
import { planQuery } from './plan-query';
import { bigrams, scanRuns } from './tokenize';

const unitsOf = (query: string) => planQuery(query).parts.map((p) => p.units.map((u) => u.text));

describe('folding', () => {
  it('makes full-width and half-width forms, and upper and lower case, equal', () => {
    expect(foldText('ＷｅＣｈａｔ')).toBe('wechat');
    expect(foldText('WeChat')).toBe('wechat');
    expect(foldText('Ｂ站２０２１年')).toBe('b站2021年');
    expect(foldText('微信　外链')).toBe('微信 外链');
  });

  it('keeps every offset, so a highlight in the folded text lands on the same characters', () => {
    for (const text of ['在ＷｅＣｈａｔ上打开㈱和ﬁ', 'B站', '𠀋字和ABC']) {
      expect(foldText(text)).toHaveLength(text.length);
    }
    const original = '他在ＷｅＣｈａｔ上说：Hello';
    const { folded, diff } = foldWithDiff(original);
    const at = folded.indexOf('wechat');
    expect(unfoldSlice(folded, diff, at, at + 6)).toBe('ＷｅＣｈａｔ');
    expect(unfoldSlice(folded, diff, 0, folded.length)).toBe(original);
  });
});

describe('runs and grams', () => {
  it('separates CJK runs from Latin words and drops punctuation', () => {
    const text = foldText('在微信上打开WeChat Pay，2021年');
    expect(scanRuns(text).map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
      ['cjk', '在微信上打开'],
      ['word', 'wechat'],
      ['word', 'pay'],
      ['word', '2021'],
      ['cjk', '年'],
    ]);
  });

  it('makes character bigrams, treating an extension-B ideograph as one character', () => {
    expect(bigrams('互联互通')).toEqual(['互联', '联互', '互通']);
    expect(bigrams('𠀋字')).toEqual(['𠀋字']);
    expect(bigrams('茶')).toEqual([]);
  });
});

describe('query planning', () => {
  it('segments Chinese into the words a reader means', () => {
    expect(unitsOf('淘宝')).toEqual([['淘宝']]);
    expect(unitsOf('互联互通')).toEqual([['互联互通']]);
    expect(unitsOf('微信外链')).toEqual([['微信', '外链']]);
    expect(planQuery('微信外链').parts[0]?.phrase).toBe('微信外链');
  });

  it('keeps a two-character substring whole instead of two loose characters', () => {
    expect(unitsOf('联互')).toEqual([['联互']]);
    expect(unitsOf('信外')).toEqual([['信外']]);
  });

  it('attaches stray characters to their word and drops a lone 的 between words', () => {
    expect(unitsOf('小程序')).toEqual([['小程序']]);
    expect(unitsOf('北京的胡同')).toEqual([['北京', '胡同']]);
    expect(unitsOf('的')).toEqual([['的']]);
  });

  it('lower-cases Latin words, folds width, and treats spaces as separate parts', () => {
    expect(unitsOf('WeChat Pay')).toEqual([['wechat'], ['pay']]);
    expect(planQuery('ＷｅＣｈａｔ').units).toEqual(planQuery('wechat').units);
    expect(unitsOf('  开源   软件 ')).toEqual([['开源'], ['软件']]);
  });

  it('treats the last Latin word as a prefix only while it is being typed', () => {
    expect(planQuery('wec').units[0]?.prefix).toBe(true);
    expect(planQuery('wec ').units[0]?.prefix).toBe(false);
    expect(planQuery('wechat 淘宝').units[0]?.prefix).toBe(false);
  });

  it('ignores a query of punctuation only, and caps very long queries', () => {
    expect(planQuery('，。！').units).toEqual([]);
    expect(planQuery('长'.repeat(500)).text.length).toBeLessThanOrEqual(64);
  });
});
