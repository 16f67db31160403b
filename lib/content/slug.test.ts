import { describe, expect, it } from 'vitest';
import { articlePath, authorPath, categoryPath, homePath } from './paths';
import { slugify } from './slug';

describe('slugify', () => {
  it('keeps CJK and lower-cases ASCII letters only', () => {
    expect(slugify('微信打开淘宝')).toBe('微信打开淘宝');
    expect(slugify('iPhone 发布会')).toBe('iphone-发布会');
    expect(slugify('ÄÖ Straße')).toBe('ÄÖ-straße');
  });

  it('turns whitespace and URL-reserved characters into single dashes', () => {
    expect(slugify('hello   world')).toBe('hello-world');
    expect(slugify('a\u3000b\tc')).toBe('a-b-c');
    expect(slugify('what? #1 [draft] @home!')).toBe('what-1-draft-home');
    expect(slugify(`a/b\\c%d"e<f>g^h\`i{j|k}l'm(n)o*p+q,r;s=t$u&v:w`)).toBe('a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w');
    expect(slugify('a\u0000b\u007fc')).toBe('a-b-c');
  });

  it('trims dashes and dots, keeping inner dots and underscores', () => {
    expect(slugify('--hello--')).toBe('hello');
    expect(slugify('...hidden.')).toBe('hidden');
    expect(slugify('v1.2_release')).toBe('v1.2_release');
  });

  it('normalizes to NFC so macOS file names match typed ones', () => {
    const decomposed = 'Cafe\u0301';
    expect(slugify(decomposed)).toBe('caf\u00e9');
  });

  it('drops invisible characters and replaces unpaired surrogates', () => {
    expect(slugify('zero\u200bwidth')).toBe('zerowidth');
    const slug = slugify('bad\ud800half');
    expect(slug).toBe('bad-half');
    expect(() => encodeURIComponent(slug ?? '')).not.toThrow();
  });

  it('returns null when nothing usable is left', () => {
    for (const name of ['', '   ', '???', '...', '-/-', '\u200b']) expect(slugify(name), name).toBeNull();
  });

  it('maps names that differ only in case or punctuation to the same slug (a clash the loader reports)', () => {
    expect(slugify('Hello World')).toBe(slugify('hello/world'));
  });
});

describe('paths', () => {
  it('percent-encodes slugs and names so CJK and reserved characters survive', () => {
    expect(articlePath('微信打开淘宝')).toBe('/articles/%E5%BE%AE%E4%BF%A1%E6%89%93%E5%BC%80%E6%B7%98%E5%AE%9D');
    expect(categoryPath('AI/机器学习')).toBe('/categories/AI%2F%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0');
    expect(authorPath('虎嗅')).toBe('/authors/%E8%99%8E%E5%97%85');
  });

  it('leaves page 1 without a suffix and numbers the rest', () => {
    expect(homePath(1)).toBe('/');
    expect(homePath()).toBe('/');
    expect(homePath(3)).toBe('/page/3');
    expect(categoryPath('新媒体', 1)).toBe('/categories/%E6%96%B0%E5%AA%92%E4%BD%93');
    expect(categoryPath('新媒体', 2)).toBe('/categories/%E6%96%B0%E5%AA%92%E4%BD%93/page/2');
    expect(authorPath('x', 4)).toBe('/authors/x/page/4');
    expect(() => homePath(2.5)).toThrow(RangeError);
  });
});
