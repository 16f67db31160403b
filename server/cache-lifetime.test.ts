import { describe, expect, it } from 'vitest';
import { capCacheControl } from './cache-lifetime.mjs';

// What Next sends for an ISR page, and what the caches in front of it may do with it, for a given time
// left before the next scheduled article goes live.
const ISR = 's-maxage=300, stale-while-revalidate=31535700';

describe('cache lifetimes from the publication schedule', () => {
  it('leaves every lifetime alone when nothing is scheduled', () => {
    expect(capCacheControl(ISR, null)).toBe(ISR);
  });

  it('keeps a page fresh no longer than the time to the next publication, and never stale past it', () => {
    // 90 s left: fresh for 90 s, nothing left to serve stale in.
    expect(capCacheControl(ISR, 90)).toBe('s-maxage=90');
    // An hour left: fresh for Next's 300 s, then stale for at most the remaining 3,300 s.
    expect(capCacheControl(ISR, 3600)).toBe('s-maxage=300, stale-while-revalidate=3300');
    // A long way off: Next's own values.
    expect(capCacheControl('s-maxage=300, stale-while-revalidate=600', 86400)).toBe(
      's-maxage=300, stale-while-revalidate=600',
    );
  });

  it('caps browser and shared lifetimes alike, and stale-if-error too', () => {
    expect(capCacheControl('public, max-age=600, s-maxage=600, stale-if-error=86400', 120)).toBe(
      'public, max-age=120, s-maxage=120',
    );
  });

  it('lets no cache keep a page at the moment of publication (0 s left)', () => {
    expect(capCacheControl(ISR, 0)).toBe('s-maxage=0');
    expect(capCacheControl('public, max-age=31536000', 0)).toBe('public, max-age=0');
  });

  it('leaves alone what cannot change with the schedule or is not kept at all', () => {
    const immutable = 'public, max-age=31536000, immutable';
    expect(capCacheControl(immutable, 5)).toBe(immutable);
    expect(capCacheControl('private, no-cache, no-store, max-age=0, must-revalidate', 5)).toBe(
      'private, no-cache, no-store, max-age=0, must-revalidate',
    );
    expect(capCacheControl('no-cache', 5)).toBe('no-cache');
    expect(capCacheControl(undefined, 5)).toBeUndefined();
  });

  it('reads directives as caches do: any case, spaces, quoted numbers', () => {
    expect(capCacheControl('S-MaxAge="600" ,  Stale-While-Revalidate=60', 30)).toBe('s-maxage=30');
  });
});
