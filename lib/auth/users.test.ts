import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  changePassword,
  createUser,
  deleteAccount,
  EmailTakenError,
  findUserByEmail,
  findUserById,
  setUserRole,
  verifyCredentials,
} from '@/lib/auth/users';
import { setBookmark } from '@/lib/bookmarks';
import { bookmarks, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/lib/db/testing';

const rule = { limit: 5, windowMs: 60_000 };
const t0 = new Date('2025-03-01T12:00:00Z');

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
      expect(user).toMatchObject({ email: 'ann@example.com', name: '安', role: 'reader', hasPassword: true, sessionVersion: 0 });
      expect(user).not.toHaveProperty('passwordHash');
      const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row?.passwordHash).not.toContain('correct horse');
      await expect(createUser(t.db, { email: 'ANN@example.com', password: 'another one' })).rejects.toBeInstanceOf(EmailTakenError);
      expect((await findUserByEmail(t.db, ' ann@EXAMPLE.com'))?.id).toBe(user.id);
      expect((await findUserById(t.db, user.id))?.email).toBe('ann@example.com');
    });

    it('signs in with any casing of the email and gives one answer for a wrong password and an unknown email', async () => {
      await createUser(t.db, { email: 'bo@example.com', password: 'correct horse' });
      const ok = await verifyCredentials(t.db, { email: ' BO@example.com', password: 'correct horse', ip: '10.0.0.1' }, rule, t0);
      expect(ok).toMatchObject({ ok: true, user: { email: 'bo@example.com' } });
      const wrong = await verifyCredentials(t.db, { email: 'bo@example.com', password: 'wrong horse', ip: '10.0.0.1' }, rule, t0);
      const unknown = await verifyCredentials(t.db, { email: 'nobody@example.com', password: 'wrong horse', ip: '10.0.0.1' }, rule, t0);
      expect(wrong).toEqual({ ok: false, reason: 'invalid' });
      expect(unknown).toEqual(wrong);
    });

    it('refuses the sixth failed attempt for one email within a minute, even with the right password, and says how long to wait', async () => {
      await createUser(t.db, { email: 'cy@example.com', password: 'correct horse' });
      for (let i = 0; i < 5; i++) {
        const r = await verifyCredentials(t.db, { email: 'cy@example.com', password: 'nope nope', ip: `10.1.0.${i}` }, rule, t0);
        expect(r).toEqual({ ok: false, reason: 'invalid' });
      }
      const blocked = await verifyCredentials(t.db, { email: 'cy@example.com', password: 'correct horse', ip: '10.1.1.1' }, rule, new Date(t0.getTime() + 15_000));
      expect(blocked).toEqual({ ok: false, reason: 'rate_limited', retryAfterSec: 45 });
      const later = await verifyCredentials(t.db, { email: 'cy@example.com', password: 'correct horse', ip: '10.1.1.1' }, rule, new Date(t0.getTime() + 61_000));
      expect(later.ok).toBe(true);
    });

    it('limits failures per IP across different emails', async () => {
      for (let i = 0; i < 5; i++) {
        await verifyCredentials(t.db, { email: `spray${i}@example.com`, password: 'nope nope', ip: '10.2.0.1' }, rule, t0);
      }
      const blocked = await verifyCredentials(t.db, { email: 'spray9@example.com', password: 'nope nope', ip: '10.2.0.1' }, rule, t0);
      expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    });

    it('does not count successful sign-ins against the reader', async () => {
      await createUser(t.db, { email: 'di@example.com', password: 'correct horse' });
      for (let i = 0; i < 8; i++) {
        const r = await verifyCredentials(t.db, { email: 'di@example.com', password: 'correct horse', ip: '10.3.0.1' }, rule, t0);
        expect(r.ok).toBe(true);
      }
    });

    it('changes the password only with the current one, and bumps the session version', async () => {
      const user = await createUser(t.db, { email: 'ed@example.com', password: 'old password' });
      expect(await changePassword(t.db, user.id, 'not it at all', 'new password')).toEqual({ ok: false, reason: 'wrong_password' });
      expect(await changePassword(t.db, user.id, 'old password', 'new password')).toEqual({ ok: true, sessionVersion: 1 });
      const ip = '10.4.0.1';
      expect((await verifyCredentials(t.db, { email: 'ed@example.com', password: 'old password', ip }, rule, t0)).ok).toBe(false);
      expect((await verifyCredentials(t.db, { email: 'ed@example.com', password: 'new password', ip }, rule, t0)).ok).toBe(true);
    });

    it('deletes an account and its bookmarks only when the password confirms it', async () => {
      const user = await createUser(t.db, { email: 'fu@example.com', password: 'correct horse' });
      await setBookmark(t.db, user.id, 'kept-until-delete', true);
      expect(await deleteAccount(t.db, user.id, { password: 'wrong' })).toEqual({ ok: false, reason: 'wrong_password' });
      expect(await findUserById(t.db, user.id)).not.toBeNull();
      expect(await deleteAccount(t.db, user.id, { password: 'correct horse' })).toEqual({ ok: true });
      expect(await findUserById(t.db, user.id)).toBeNull();
      expect(await t.db.select().from(bookmarks).where(eq(bookmarks.userId, user.id))).toHaveLength(0);
      expect(await deleteAccount(t.db, user.id, { password: 'correct horse' })).toEqual({ ok: false, reason: 'no_user' });
    });

    it('sets a role by email and rejects roles the schema does not know', async () => {
      const user = await createUser(t.db, { email: 'gu@example.com', password: 'correct horse' });
      expect(await setUserRole(t.db, 'GU@example.com', 'editor')).toBe(true);
      expect((await findUserById(t.db, user.id))?.role).toBe('editor');
      expect(await setUserRole(t.db, 'nobody@example.com', 'editor')).toBe(false);
      await expect(t.db.update(users).set({ role: 'admin' as 'editor' }).where(eq(users.id, user.id))).rejects.toThrow();
    });
  });
}
