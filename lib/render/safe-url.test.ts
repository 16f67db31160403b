import { describe, expect, it } from 'vitest';
import { classifyLink, cleanUrl, imageUrl } from './safe-url';

describe('cleanUrl', () => {
  it('strips what browsers ignore: surrounding spaces and controls, inner tabs and newlines', () => {
    expect(cleanUrl(' \u0001\thttps://a.example/x \n')).toBe('https://a.example/x');
    expect(cleanUrl('java\tscr\nipt:alert(1)')).toBe('javascript:alert(1)');
  });
});

describe('imageUrl', () => {
  it('accepts absolute http(s), upgrades protocol-relative, keeps site-relative', () => {
    expect(imageUrl('https://img.example-cdn.cn/a.jpg?imageView2/2/w/1000')).toBe(
      'https://img.example-cdn.cn/a.jpg?imageView2/2/w/1000',
    );
    expect(imageUrl('http://img.example-cdn.cn/a.jpg')).toBe('http://img.example-cdn.cn/a.jpg');
    expect(imageUrl('//img.example-cdn.cn/a.jpg')).toBe('https://img.example-cdn.cn/a.jpg');
    expect(imageUrl('/demo/a.jpg?v=1')).toBe('/demo/a.jpg?v=1');
  });

  it('rejects every other scheme, however it is spelled', () => {
    for (const raw of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'data:image/png;base64,AA',
      'vbscript:x',
      'file:///etc/passwd',
      'blob:https://a.example/1',
    ]) {
      expect(imageUrl(raw), raw).toBeNull();
    }
  });

  it('rejects page-relative paths, empty values and non-strings', () => {
    expect(imageUrl('a.jpg')).toBeNull();
    expect(imageUrl('')).toBeNull();
    expect(imageUrl('   ')).toBeNull();
    expect(imageUrl(undefined)).toBeNull();
    expect(imageUrl(42)).toBeNull();
    expect(imageUrl('https://')).toBeNull();
  });
});

describe('classifyLink', () => {
  const site = 'https://hutong.example';

  it('calls another origin over http(s) external', () => {
    expect(classifyLink('https://example.org/a', site)).toEqual({ kind: 'external', href: 'https://example.org/a' });
    expect(classifyLink('//example.org/a', site)).toEqual({ kind: 'external', href: 'https://example.org/a' });
    expect(classifyLink('http://hutong.example/a', site)).toEqual({
      kind: 'external',
      href: 'http://hutong.example/a',
    });
  });

  it('calls this site, relative paths, fragments and other schemes internal', () => {
    for (const raw of [
      'https://hutong.example/about',
      '/articles/x',
      'x',
      '#top',
      '?page=2',
      'mailto:a@b.example',
      'javascript:alert(1)',
      'http://[bad',
    ]) {
      expect(classifyLink(raw, site), raw).toEqual({ kind: 'internal' });
    }
  });
});
