import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

describe('safeCallbackPath', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeCallbackPath('/articles/%E8%83%A1%E5%90%8C')).toBe('/articles/%E8%83%A1%E5%90%8C');
    expect(safeCallbackPath('/bookmarks?page=2#top')).toBe('/bookmarks?page=2#top');
    expect(safeCallbackPath('/')).toBe('/');
  });

  it.each([
    ['protocol-relative', '//evil.example/x'],
    ['absolute to another site', 'https://evil.example/'],
    ['backslash that browsers read as a slash', '/\\evil.example'],
    ['backslash in the middle', '/a\\..\\\\evil.example'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative path', 'articles/x'],
    ['tab smuggled into the host', '/\t/evil.example'],
    ['newline', '/ok\n//evil'],
    ['empty', ''],
    ['not a string', 42],
    ['missing', undefined],
    ['the sign-in page itself', '/signin?callbackUrl=/x'],
    ['the sign-up page', '/signup'],
    // Dot segments a browser resolves into `//host`: judged after resolving, not before.
    ['a dot segment before a double slash', '/.//evil.example'],
    ['a parent segment before a double slash', '/..//evil.example'],
    ['an encoded dot before a double slash', '/%2e//evil.example'],
    ['an encoded dot in upper case', '/%2E//evil.example/path?x=1'],
    ['two encoded dots', '/%2e%2e//evil.example'],
    ['a dot segment deeper in', '/a/..//evil.example'],
    ['a dot segment before a backslash', '/./\\evil.example'],
    ['a triple slash', '///evil.example'],
    ['a carriage return', '/\r//evil.example'],
    ['a scheme in mixed case', 'JaVaScRiPt:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['credentials before another host', '//user@evil.example'],
    ['an absolute URL with credentials', 'https://localhost:3000@evil.example/'],
  ])('rejects %s', (_label, raw) => {
    expect(safeCallbackPath(raw, '/fallback')).toBe('/fallback');
  });

  it('reduces an absolute URL on this site to its path, and only on this site', () => {
    expect(safeCallbackPath('http://localhost:3000/bookmarks?page=2', '/', 'http://localhost:3000')).toBe(
      '/bookmarks?page=2',
    );
    expect(safeCallbackPath('http://localhost:3001/bookmarks', '/', 'http://localhost:3000')).toBe('/');
    expect(safeCallbackPath('http://localhost:3000/bookmarks', '/')).toBe('/');
  });

  it('allows the sign-in page as a destination only when asked (sign-out may land there)', () => {
    expect(safeCallbackPath('/signin?notice=deleted', '/', undefined, { allowAuthPages: true })).toBe(
      '/signin?notice=deleted',
    );
    expect(safeCallbackPath('//evil.example', '/', undefined, { allowAuthPages: true })).toBe('/');
  });

  it('keeps paths that only look odd but stay on this site', () => {
    expect(safeCallbackPath('/@evil.example')).toBe('/@evil.example');
    expect(safeCallbackPath('/a/./b//c')).toBe('/a/b//c');
  });

  it('normalizes dot segments so the result stays on this site', () => {
    expect(safeCallbackPath('/a/../../b')).toBe('/b');
    expect(safeCallbackPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});
