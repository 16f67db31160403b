import { describe, expect, it } from 'vitest';
import {
  MAX_POSITIONS,
  forgetPosition,
  parsePositions,
  positionOf,
  rememberPosition,
  type PositionStore,
} from './reading-positions';

describe('the reading-position store', () => {
  it('remembers, updates and forgets a place per article', () => {
    let store = rememberPosition({}, '胡同里的早晨', 0.4, 1000);
    store = rememberPosition(store, 'night-train-notes', 0.2, 2000);
    expect(positionOf(store, '胡同里的早晨')).toBe(0.4);
    store = rememberPosition(store, '胡同里的早晨', 0.6, 3000);
    expect(positionOf(store, '胡同里的早晨')).toBe(0.6);
    store = forgetPosition(store, '胡同里的早晨');
    expect(positionOf(store, '胡同里的早晨')).toBeNull();
    expect(positionOf(store, 'night-train-notes')).toBe(0.2);
    expect(positionOf(store, 'toString')).toBeNull();
  });

  it(`keeps only the ${MAX_POSITIONS} most recently read articles`, () => {
    let store: PositionStore = {};
    for (let i = 0; i < MAX_POSITIONS + 10; i++) store = rememberPosition(store, `a-${i}`, 0.5, 1000 + i);
    expect(Object.keys(store)).toHaveLength(MAX_POSITIONS);
    expect(positionOf(store, 'a-9')).toBeNull();
    expect(positionOf(store, 'a-10')).toBe(0.5);
    // Reading an old one again makes it recent.
    store = rememberPosition(store, 'a-10', 0.7, 5000);
    store = rememberPosition(store, 'new', 0.1, 5001);
    expect(positionOf(store, 'a-10')).toBe(0.7);
    expect(positionOf(store, 'a-11')).toBeNull();
  });

  it('reads back what it wrote, and drops what it cannot use', () => {
    const store = rememberPosition({}, 'x', 0.3, 10);
    expect(parsePositions(JSON.stringify(store))).toEqual(store);
    expect(parsePositions(null)).toEqual({});
    expect(parsePositions('not json')).toEqual({});
    expect(parsePositions('[1,2]')).toEqual({});
    expect(parsePositions('{"a":{"o":"0.5","t":1},"b":{"o":5,"t":1},"c":null,"d":{"o":0.5,"t":2}}')).toEqual({
      d: { o: 0.5, t: 2 },
    });
  });

  it('trims an oversized stored list on read', () => {
    const big = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`s${i}`, { o: 0.5, t: i }]));
    const store = parsePositions(JSON.stringify(big));
    expect(Object.keys(store)).toHaveLength(MAX_POSITIONS);
    expect(positionOf(store, 's79')).toBe(0.5);
    expect(positionOf(store, 's0')).toBeNull();
  });
});
