import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  changePassword,
  createUser,
  deleteAccount,
  EmailTakenError,
  findUserByEmail,
  findUserById,
  markEmailVerified,
  resetPassword,
  setUserRole,
  verifyCredentials,
} from './users';
import { createSession, findSessionUser, listSessions } from '@/lib/accounts/sessions/sessions';
import { setBookmark } from '@/lib/accounts/bookmarks';
import { bookmarks, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

const t0 = new Date('2025-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('accounts', backend), () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await backend.open();
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('stores the email trimmed and lower-cased, the password as argon2id, and refuses the same email twice', async () => {
      const user = await createUser(t.db, { email: '  Ann@Example.COM ', password: 'correct horse', name: '安' });
      expect(user).toMatchObject({
        email: 'ann@example.com',
        name: '安',
        role: 'reader',
        hasPassword: true,
        emailVerified: null,
      });
      expect(user).not.toHaveProperty('passwordHash');
      const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row?.passwordHash).not.toContain('correct horse');
      await expect(createUser(t.db, { email: 'ANN@example.com', password: 'another one' })).rejects.toBeInstanceOf(
        EmailTakenError,
      );
      expect((await findUserByEmail(t.db, ' ann@EXAMPLE.com'))?.id).toBe(user.id);
      expect((await findUserById(t.db, user.id))?.email).toBe('ann@example.com');
    });

    it('signs in with any casing of the email and gives one answer for a wrong password and an unknown email', async () => {
      await createUser(t.db, { email: 'bo@example.com', password: 'correct horse' });
      const ok = await verifyCredentials(
        t.db,
        { email: ' BO@example.com', password: 'correct horse', ip: '10.0.0.1' },
        t0,
      );
      expect(ok).toMatchObject({ ok: true, user: { email: 'bo@example.com', emailVerified: null } });
      const wrong = await verifyCredentials(
        t.db,
        { email: 'bo@example.com', password: 'wrong horse', ip: '10.0.0.1' },
        t0,
      );
      const unknown = await verifyCredentials(
        t.db,
        { email: 'nobody@example.com', password: 'wrong horse', ip: '10.0.0.1' },
        t0,
      );
      expect(wrong).toEqual({ ok: false, reason: 'invalid' });
      expect(unknown).toEqual(wrong);
    });

    it('slows a guesser down with backoff per account and address, never locking the owner out from their own address', async () => {
      await createUser(t.db, { email: 'cy@example.com', password: 'correct horse' });
      const attacker = (password: string, ms: number) =>
        verifyCredentials(t.db, { email: 'cy@example.com', password, ip: '203.0.113.9' }, at(ms));
      for (let i = 0; i < 5; i++)
        expect(await attacker('nope nope', i * 1000)).toEqual({ ok: false, reason: 'invalid' });
      // The sixth must wait 30 s after the fifth failure — even with the right password.
      expect(await attacker('correct horse', 5_000)).toEqual({ ok: false, reason: 'rate_limited', retryAfterSec: 29 });
      // Backoff, not a wall: after the wait one more guess is let through, then the wait doubles.
      expect(await attacker('nope nope', 34_000)).toEqual({ ok: false, reason: 'invalid' });
      expect(await attacker('nope nope', 35_000)).toEqual({ ok: false, reason: 'rate_limited', retryAfterSec: 59 });
      // Meanwhile the owner, from their own address, signs in at once.
      const owner = await verifyCredentials(
        t.db,
        { email: 'cy@example.com', password: 'correct horse', ip: '198.51.100.4' },
        at(36_000),
      );
      expect(owner.ok).toBe(true);
    });

    it('stops a guess spread over many addresses per account, except on the devices the owner signed in from', async () => {
      const user = await createUser(t.db, { email: 'dz@example.com', password: 'correct horse' });
      for (let i = 0; i < 21; i++) {
        await verifyCredentials(
          t.db,
          { email: 'dz@example.com', password: `guess ${i}`, ip: `192.0.2.${i + 1}` },
          at(i * 100),
        );
      }
      const fromNewAddress = await verifyCredentials(
        t.db,
        { email: 'dz@example.com', password: 'correct horse', ip: '192.0.2.200' },
        at(2_500),
      );
      expect(fromNewAddress).toMatchObject({ ok: false, reason: 'rate_limited' });
      const device = { userId: user.id, nonce: 'owner-laptop' };
      const fromOwnDevice = await verifyCredentials(
        t.db,
        { email: 'dz@example.com', password: 'correct horse', ip: '192.0.2.200', device },
        at(2_600),
      );
      expect(fromOwnDevice.ok).toBe(true);
      // A device note for another account counts for nothing here.
      const forged = { userId: 'someone-else', nonce: 'x' };
      expect(
        await verifyCredentials(
          t.db,
          { email: 'dz@example.com', password: 'correct horse', ip: '192.0.2.201', device: forged },
          at(2_700),
        ),
      ).toMatchObject({
        ok: false,
        reason: 'rate_limited',
      });
    });

    it('limits failures per address across different emails', async () => {
      for (let i = 0; i < 20; i++) {
        await verifyCredentials(t.db, { email: `spray${i}@example.com`, password: 'nope nope', ip: '10.2.0.1' }, t0);
      }
      const blocked = await verifyCredentials(
        t.db,
        { email: 'spray99@example.com', password: 'nope nope', ip: '10.2.0.1' },
        t0,
      );
      expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    });

    it('lets a concurrent burst of guesses past no more than the free attempts', async () => {
      await createUser(t.db, { email: 'burst@example.com', password: 'correct horse' });
      const burst = await Promise.all(
        Array.from({ length: 20 }, () =>
          verifyCredentials(t.db, { email: 'burst@example.com', password: 'nope nope', ip: '10.9.0.1' }, t0),
        ),
      );
      expect(burst.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    });

    it('does not count successful sign-ins against the reader', async () => {
      await createUser(t.db, { email: 'di@example.com', password: 'correct horse' });
      for (let i = 0; i < 8; i++) {
        const r = await verifyCredentials(
          t.db,
          { email: 'di@example.com', password: 'correct horse', ip: '10.3.0.1' },
          t0,
        );
        expect(r.ok).toBe(true);
      }
    });

    it('changes the password only with the current one, and ends every other session', async () => {
      const user = await createUser(t.db, { email: 'ed@example.com', password: 'old password' });
      const here = await createSession(t.db, user.id);
      const elsewhere = await createSession(t.db, user.id);
      expect(await changePassword(t.db, user.id, 'not it at all', 'new password', here)).toEqual({
        ok: false,
        reason: 'wrong_password',
      });
      expect(await changePassword(t.db, user.id, 'old password', 'new password', here)).toEqual({ ok: true });
      expect((await listSessions(t.db, user.id)).map((s) => s.id)).toEqual([here]);
      expect(await findSessionUser(t.db, user.id, elsewhere)).toBeNull();
      const ip = '10.4.0.1';
      expect((await verifyCredentials(t.db, { email: 'ed@example.com', password: 'old password', ip }, t0)).ok).toBe(
        false,
      );
      expect((await verifyCredentials(t.db, { email: 'ed@example.com', password: 'new password', ip }, t0)).ok).toBe(
        true,
      );
    });

    it('throttles guesses at the current password (change password, delete account)', async () => {
      const user = await createUser(t.db, { email: 'gx@example.com', password: 'old password' });
      for (let i = 0; i < 5; i++)
        expect(await changePassword(t.db, user.id, `guess ${i}`, 'x y z w', undefined, at(i))).toEqual({
          ok: false,
          reason: 'wrong_password',
        });
      expect(await changePassword(t.db, user.id, 'old password', 'new password', undefined, at(10))).toEqual({
        ok: false,
        reason: 'rate_limited',
        retryAfterSec: 60,
      });
      expect(await deleteAccount(t.db, user.id, { password: 'old password' }, at(20))).toMatchObject({
        ok: false,
        reason: 'rate_limited',
      });
      expect(await findUserById(t.db, user.id)).not.toBeNull();
      expect(await changePassword(t.db, user.id, 'old password', 'new password', undefined, at(61_000))).toEqual({
        ok: true,
      });
    });

    it('a reset through a mailed link sets the password, verifies the address, signs out every device and forgets the throttles', async () => {
      const user = await createUser(t.db, { email: 'hy@example.com', password: 'old password' });
      const session = await createSession(t.db, user.id);
      for (let i = 0; i < 6; i++)
        await verifyCredentials(t.db, { email: 'hy@example.com', password: 'nope nope', ip: '10.5.0.1' }, t0);
      expect(
        await verifyCredentials(t.db, { email: 'hy@example.com', password: 'old password', ip: '10.5.0.1' }, t0),
      ).toMatchObject({ reason: 'rate_limited' });
      expect(await resetPassword(t.db, user.id, 'other@example.com', 'brand new words')).toBe(false);
      expect(await resetPassword(t.db, user.id, 'hy@example.com', 'brand new words', t0)).toBe(true);
      expect(await findSessionUser(t.db, user.id, session)).toBeNull();
      expect((await findUserById(t.db, user.id))?.emailVerified).toEqual(t0);
      expect(
        (await verifyCredentials(t.db, { email: 'hy@example.com', password: 'brand new words', ip: '10.5.0.1' }, t0))
          .ok,
      ).toBe(true);
    });

    it('verifies an address only while the account still has it', async () => {
      const user = await createUser(t.db, { email: 'iv@example.com', password: 'correct horse' });
      expect(await markEmailVerified(t.db, user.id, 'old-address@example.com', t0)).toBe(false);
      expect((await findUserById(t.db, user.id))?.emailVerified).toBeNull();
      expect(await markEmailVerified(t.db, user.id, 'IV@example.com', t0)).toBe(true);
      expect((await findUserById(t.db, user.id))?.emailVerified).toEqual(t0);
    });

    it('deletes an account and its bookmarks only when the password confirms it', async () => {
      const user = await createUser(t.db, { email: 'fu@example.com', password: 'correct horse' });
      await setBookmark(t.db, user.id, 'kept-until-delete', true);
      expect(await deleteAccount(t.db, user.id, { password: 'wrong' })).toEqual({
        ok: false,
        reason: 'wrong_password',
      });
      expect(await findUserById(t.db, user.id)).not.toBeNull();
      expect(await deleteAccount(t.db, user.id, { password: 'correct horse' })).toEqual({ ok: true });
      expect(await findUserById(t.db, user.id)).toBeNull();
      expect(await t.db.select().from(bookmarks).where(eq(bookmarks.userId, user.id))).toHaveLength(0);
      expect(await deleteAccount(t.db, user.id, { password: 'correct horse' })).toEqual({
        ok: false,
        reason: 'no_user',
      });
    });

    it('sets a role by email and rejects roles the schema does not know', async () => {
      const user = await createUser(t.db, { email: 'gu@example.com', password: 'correct horse' });
      expect(await setUserRole(t.db, 'GU@example.com', 'editor')).toBe(true);
      expect((await findUserById(t.db, user.id))?.role).toBe('editor');
      expect(await setUserRole(t.db, 'nobody@example.com', 'editor')).toBe(false);
      await expect(
        t.db
          .update(users)
          .set({ role: 'admin' as 'editor' })
          .where(eq(users.id, user.id)),
      ).rejects.toThrow();
    });
  });
}
