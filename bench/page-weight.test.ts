import { describe, expect, it } from 'vitest';
import { gzipSize, scriptSources } from './page-weight';

describe('scriptSources', () => {
  it('lists external scripts once each in document order, skipping inline ones', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>self.__next_f.push([1,"x"])</script>',
      "<script async src='/_next/static/chunks/b.js?dpl=1&amp;v=2'></script>",
      '<script src=/_next/static/chunks/c.js></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<link rel="preload" href="/_next/static/chunks/d.js" as="script"/>',
    ].join('');
    expect(scriptSources(html)).toEqual([
      { src: '/_next/static/chunks/a.js', nomodule: false },
      { src: '/_next/static/chunks/b.js?dpl=1&v=2', nomodule: false },
      { src: '/_next/static/chunks/c.js', nomodule: false },
    ]);
  });

  it('marks nomodule polyfills, which modern browsers never download', () => {
    const html = '<script src="/p.js" noModule=""></script><script data-src="/x.js"></script>';
    expect(scriptSources(html)).toEqual([{ src: '/p.js', nomodule: true }]);
  });
});

describe('gzipSize', () => {
  it('is far below the raw size for repetitive text', () => {
    const text = Buffer.from('<p>胡同里的故事</p>'.repeat(1000));
    expect(gzipSize(text)).toBeLessThan(text.length / 20);
  });
});
