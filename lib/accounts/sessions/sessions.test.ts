import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  endAllSessions,
  endOwnSession,
  endSession,
  findSessionUser,
  listSessions,
  SESSION_MAX_AGE_SEC,
} from './sessions';
import { createUser } from '@/lib/accounts/users/users';
import { sessions, users } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

const t0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('sessions', backend), () => {
    let t: TestDatabase;
    let n = 0;
    const newUser = async () =>
      (await createUser(t.db, { email: `session${++n}@example.com`, password: 'correct horse battery' })).id;
    beforeAll(async () => {
      t = await backend.open();
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('a signed-out session is gone: its cookie, replayed, finds no one', async () => {
      const userId = await newUser();
      const id = await createSession(t.db, userId, t0);
      expect((await findSessionUser(t.db, userId, id, { now: t0 }))?.id).toBe(userId);
      await endSession(t.db, id);
      expect(await findSessionUser(t.db, userId, id, { now: t0 })).toBeNull();
    });

    it('a session id belongs to one reader only', async () => {
      const a = await newUser();
      const b = await newUser();
      const id = await createSession(t.db, a, t0);
      expect(await findSessionUser(t.db, b, id, { now: t0 })).toBeNull();
      expect(await endOwnSession(t.db, b, id)).toBe(false);
      expect((await findSessionUser(t.db, a, id, { now: t0 }))?.id).toBe(a);
    });

    it('ends when unused for its lifetime; use moves the end forward, written at most hourly with the browser', async () => {
      const userId = await newUser();
      const id = await createSession(t.db, userId, t0);
      await findSessionUser(t.db, userId, id, {
        now: at(10 * 60_000),
        userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile',
      });
      const [afterFirst] = await t.db.select().from(sessions).where(eq(sessions.id, id));
      expect(afterFirst?.userAgent).toContain('Android');
      await findSessionUser(t.db, userId, id, { now: at(2 * HOUR) });
      const [touched] = await t.db.select().from(sessions).where(eq(sessions.id, id));
      expect(touched?.lastSeenAt).toEqual(at(2 * HOUR));
      expect(touched?.expiresAt).toEqual(at(2 * HOUR + SESSION_MAX_AGE_SEC * 1000));
      expect(
        await findSessionUser(t.db, userId, id, { now: at(2 * HOUR + SESSION_MAX_AGE_SEC * 1000 + 1) }),
      ).toBeNull();
    });

    it('退出所有设备 ends them all; a new password keeps only this one; deleting the account ends them too', async () => {
      const userId = await newUser();
      const [a, b, c] = [
        await createSession(t.db, userId, t0),
        await createSession(t.db, userId, t0),
        await createSession(t.db, userId, t0),
      ];
      expect(await endAllSessions(t.db, userId, a)).toBe(2);
      expect((await listSessions(t.db, userId, t0)).map((s) => s.id)).toEqual([a]);
      expect(await findSessionUser(t.db, userId, b, { now: t0 })).toBeNull();
      expect(await findSessionUser(t.db, userId, c, { now: t0 })).toBeNull();
      expect(await endAllSessions(t.db, userId)).toBe(1);
      const d = await createSession(t.db, userId, t0);
      await t.db.delete(users).where(eq(users.id, userId));
      expect(await t.db.select().from(sessions).where(eq(sessions.id, d))).toHaveLength(0);
    });
  });
}
