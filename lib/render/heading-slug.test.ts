import { describe, expect, it } from 'vitest';
import { slugifyHeading, uniqueSlug } from './heading-slug';

describe('slugifyHeading', () => {
  it('keeps Chinese words and drops Chinese and Latin punctuation', () => {
    expect(slugifyHeading('淘宝，能否借微信圆“社交梦”？')).toBe('淘宝能否借微信圆社交梦');
    expect(slugifyHeading('《城南》：旧事！')).toBe('城南旧事');
  });

  it('lower-cases Latin text and joins words with hyphens', () => {
    expect(slugifyHeading('  Hello,   World 2021 ')).toBe('hello-world-2021');
    expect(slugifyHeading('App 与 小程序')).toBe('app-与-小程序');
  });

  it('folds full-width letters and digits to their ASCII forms', () => {
    expect(slugifyHeading('ＡＢＣ１２３')).toBe('abc123');
  });

  it('returns an empty string when nothing readable is left', () => {
    expect(slugifyHeading('？！……')).toBe('');
    expect(slugifyHeading('')).toBe('');
  });

  it('caps very long headings without splitting a character', () => {
    const slug = slugifyHeading('长'.repeat(100));
    expect(Array.from(slug)).toHaveLength(64);
    expect(slugifyHeading('😀'.repeat(80))).toBe('');
    expect(Array.from(slugifyHeading('a-'.repeat(40)))).not.toContain('-'.repeat(2));
  });
});

describe('uniqueSlug', () => {
  it('numbers repeats from 2 and remembers every id it hands out', () => {
    const taken = new Set<string>();
    expect(uniqueSlug('背景', taken)).toBe('背景');
    expect(uniqueSlug('背景', taken)).toBe('背景-2');
    expect(uniqueSlug('背景', taken)).toBe('背景-3');
    expect(uniqueSlug('背景-2', taken)).toBe('背景-2-2');
  });
});
