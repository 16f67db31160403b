// Password hashing with argon2id (the @node-rs/argon2 default), and a constant-cost check for accounts that do
// not exist.
import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes): ~7 ms a check on this machine, memory-bound; slow enough for guessing at scale, fast enough for sign-in. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** false for a wrong password and for a malformed stored hash alike: either way the reader is not signed in. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so response time does not reveal whether an email has an
 * account (the error message is already the same for both).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('unused-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
