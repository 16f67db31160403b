import { describe, expect, it, vi } from 'vitest';
import { ogCard, OG_COLUMNS, OG_ROWS } from './og-card';

vi.hoisted(() => {
  process.env.SITE_URL = 'https://hutong.example';
  process.env.SITE_TIMEZONE = 'Asia/Shanghai';
});

describe('generated share card', () => {
  it('is the same for the same article and differs between articles', () => {
    expect(ogCard('胡同里的早晨', '2021-12-01T10:52:00Z')).toEqual(ogCard('胡同里的早晨', '2021-12-01T10:52:00Z'));
    expect(ogCard('胡同里的早晨', '2021-12-01T10:52:00Z').tiles).not.toEqual(
      ogCard('tea-in-spring', '2021-12-01T10:52:00Z').tiles,
    );
    expect(ogCard('x', '2021-12-01T10:52:00Z').tiles).toHaveLength(OG_COLUMNS * OG_ROWS);
  });

  it('holds only ASCII text, which the bundled font draws without fetching anything', () => {
    const card = ogCard('胡同里的早晨', '2021-12-31T17:00:00Z');
    expect(card.date).toBe('2022.01.01');
    expect(card.host).toBe('hutong.example');
    expect(`${card.date}${card.host}`).toMatch(/^[\x20-\x7e]+$/);
  });
});
