import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeEmailToken, issueEmailToken, peekEmailToken, TOKEN_LIFETIME_MS } from './email-tokens';
import { createUser } from '@/lib/accounts/users/users';
import { emailTokens } from '@/lib/db/schema';
import { backendTitle, testBackends, type TestDatabase } from '@/test/db';

const t0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason !== null)(backendTitle('mailed link tokens', backend), () => {
    let t: TestDatabase;
    let owner: { userId: string; email: string };
    beforeAll(async () => {
      t = await backend.open();
      const user = await createUser(t.db, { email: 'token-owner@example.com', password: 'correct horse battery' });
      owner = { userId: user.id, email: user.email };
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('stores only a hash of the token, which the link carries as 43 base64url characters', async () => {
      const token = await issueEmailToken(t.db, owner, 'verify', t0);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await t.db.select().from(emailTokens);
      expect(rows.map((r) => r.tokenHash)).not.toContain(token);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('counts only its first use: a replayed link is known as used and grants nothing again', async () => {
      const token = await issueEmailToken(t.db, owner, 'reset', t0);
      expect(await peekEmailToken(t.db, token, 'reset', t0)).toEqual(owner);
      expect(await peekEmailToken(t.db, token, 'reset', t0)).toEqual(owner);
      const uses = await Promise.all([
        consumeEmailToken(t.db, token, 'reset', t0),
        consumeEmailToken(t.db, token, 'reset', t0),
      ]);
      expect(uses.filter((u) => u?.firstUse)).toEqual([{ ...owner, firstUse: true }]);
      expect(uses.filter((u) => u && !u.firstUse)).toEqual([{ ...owner, firstUse: false }]);
      expect(await consumeEmailToken(t.db, token, 'reset', t0)).toEqual({ ...owner, firstUse: false });
      // A used link opens no form any more.
      expect(await peekEmailToken(t.db, token, 'reset', t0)).toBeNull();
    });

    it('expires, and works only for the purpose it was issued for', async () => {
      const token = await issueEmailToken(t.db, owner, 'reset', t0);
      expect(await consumeEmailToken(t.db, token, 'verify', t0)).toBeNull();
      expect(await peekEmailToken(t.db, token, 'reset', at(TOKEN_LIFETIME_MS.reset + 1))).toBeNull();
      expect(await consumeEmailToken(t.db, token, 'reset', at(TOKEN_LIFETIME_MS.reset + 1))).toBeNull();
    });

    it('a newer link replaces the older one of its kind', async () => {
      const first = await issueEmailToken(t.db, owner, 'verify', t0);
      const second = await issueEmailToken(t.db, owner, 'verify', t0);
      expect(await peekEmailToken(t.db, first, 'verify', t0)).toBeNull();
      expect(await consumeEmailToken(t.db, first, 'verify', t0)).toBeNull();
      expect(await peekEmailToken(t.db, second, 'verify', t0)).toEqual(owner);
    });

    it('refuses anything that is not shaped like a token before asking the database', async () => {
      for (const bad of [undefined, '', 'x', "' or 1=1 --", 'a'.repeat(44), 42]) {
        expect(await consumeEmailToken(t.db, bad, 'verify', t0)).toBeNull();
      }
    });
  });
}
