import { describe, expect, it } from 'vitest';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('胡同里的老槐树');
    expect(await verifyPassword(stored, '胡同里的老槐树')).toBe(true);
    expect(await verifyPassword(stored, '胡同里的老槐')).toBe(false);
  });

  it('treats a malformed stored hash as a failed check, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });

  it('spends as long on unknown accounts as on checking a real hash', async () => {
    // Compared with a real check on the same machine (a fixed number of milliseconds is too long for a
    // fast machine and too short for a loaded one); medians of interleaved runs.
    const stored = await hashPassword('胡同里的老槐树');
    await burnPasswordCheck('warm up');
    const timed = async (check: () => Promise<unknown>) => {
      const started = performance.now();
      await check();
      return performance.now() - started;
    };
    const real: number[] = [];
    const burnt: number[] = [];
    for (let i = 0; i < 5; i++) {
      real.push(await timed(() => verifyPassword(stored, 'wrong guess')));
      burnt.push(await timed(() => burnPasswordCheck('wrong guess')));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2] as number;
    expect(median(burnt)).toBeGreaterThan(median(real) * 0.5);
  });
});
