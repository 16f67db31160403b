import { describe, expect, it } from 'vitest';
import { routeParam } from './route-params';

describe('route segments decoded exactly once', () => {
  // Names as real category and author fields write them, including ones that contain "%".
  const names = ['胡同', '100%纯', 'a%2Fb', '%E4%B8%AD', 'C++ & Go', 'a:b@c', '胡同 里'];

  it('decodes a page’s params once: Next hands them percent-encoded once more', () => {
    for (const name of names) expect(routeParam(encodeURIComponent(name), 'page')).toBe(name);
  });

  it('takes generateMetadata’s and route handlers’ params as they are: Next hands them decoded', () => {
    for (const name of names) {
      expect(routeParam(name, 'metadata')).toBe(name);
      expect(routeParam(name, 'route')).toBe(name);
    }
  });

  it('decodes a raw request path once, and leaves a malformed one to match nothing', () => {
    expect(routeParam('%E8%83%A1%E5%90%8C', 'path')).toBe('胡同');
    expect(routeParam('a%252Fb', 'path')).toBe('a%2Fb');
    expect(routeParam('%E8%83', 'path')).toBe('%E8%83');
  });

  it('normalizes to NFC like the content index', () => {
    expect(routeParam('e\u0301', 'metadata')).toBe('\u00e9');
    expect(routeParam(encodeURIComponent('e\u0301'), 'page')).toBe('\u00e9');
  });
});
