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

  it('spends time on unknown accounts as if checking a real hash', async () => {
    await burnPasswordCheck('warm up');
    const started = performance.now();
    await burnPasswordCheck('anything');
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
