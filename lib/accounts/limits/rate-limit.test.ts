import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitRateLimit, refundRateLimit, resetRateLimit } from './rate-limit';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

const rule = { limit: 5, windowMs: 60_000 };
const t0 = new Date('2025-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('rate limiter', backend), () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await backend.open();
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('allows five attempts a minute, refuses the sixth with the seconds left, and opens again after the window', async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await hitRateLimit(t.db, 'k1', rule, at(i * 1000)));
      expect(results.every((r) => r.allowed)).toBe(true);
      expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
      const sixth = await hitRateLimit(t.db, 'k1', rule, at(20_000));
      expect(sixth).toEqual({ allowed: false, remaining: 0, retryAfterSec: 40 });
      expect((await hitRateLimit(t.db, 'k1', rule, at(59_500))).retryAfterSec).toBe(1);
      const fresh = await hitRateLimit(t.db, 'k1', rule, at(60_000));
      expect(fresh).toEqual({ allowed: true, remaining: 4, retryAfterSec: 60 });
    });

    it('counts keys separately', async () => {
      for (let i = 0; i < 6; i++) await hitRateLimit(t.db, 'k2', rule, t0);
      expect((await hitRateLimit(t.db, 'k3', rule, t0)).allowed).toBe(true);
    });

    it('never lets a concurrent burst past the limit', async () => {
      const burst = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(t.db, 'k4', rule, t0)));
      expect(burst.filter((r) => r.allowed)).toHaveLength(5);
    });

    it('gives back one attempt on refund and all of them on reset', async () => {
      for (let i = 0; i < 5; i++) await hitRateLimit(t.db, 'k5', rule, t0);
      await refundRateLimit(t.db, 'k5');
      expect((await hitRateLimit(t.db, 'k5', rule, t0)).allowed).toBe(true);
      expect((await hitRateLimit(t.db, 'k5', rule, t0)).allowed).toBe(false);
      await resetRateLimit(t.db, 'k5');
      expect((await hitRateLimit(t.db, 'k5', rule, t0)).remaining).toBe(4);
    });
  });
}
