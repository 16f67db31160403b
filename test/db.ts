// Test databases for integration tests: a fresh PGlite folder always, and a throwaway PostgreSQL database when
// TEST_DATABASE_URL is set.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../lib/db/client';

export type TestBackend = {
  name: 'pglite' | 'postgres';
  /** Set when this backend cannot run here; the suite is skipped and this says why. */
  skipReason: string | null;
  /** Opens a new, empty, migrated database. */
  open(): Promise<TestDatabase>;
};

export type TestDatabase = DatabaseHandle & {
  /** Closes the connection and deletes the database (folder or PostgreSQL database). */
  destroy(): Promise<void>;
};

export function makeTempDir(prefix = 'hutong-db-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const pglite: TestBackend = {
  name: 'pglite',
  skipReason: null,
  async open() {
    const root = makeTempDir();
    const handle = await openDatabase({ dataDir: path.join(root, 'pglite'), migrate: true });
    return {
      ...handle,
      async destroy() {
        await handle.close();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  },
};

function postgres(url: string | undefined): TestBackend {
  return {
    name: 'postgres',
    skipReason: url
      ? null
      : 'TEST_DATABASE_URL is not set, so the PostgreSQL integration tests are skipped (set it to a server where the user may CREATE DATABASE)',
    async open() {
      if (!url) throw new Error('TEST_DATABASE_URL is not set');
      const { default: pg } = await import('pg');
      // A database per suite, not a schema: drizzle-kit's migrations name "public" in their foreign keys.
      const name = `hutong_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const target = new URL(url);
      target.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: target.toString(), migrate: true, poolSize: 20 });
      return {
        ...handle,
        async destroy() {
          await handle.close();
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          try {
            // pg's pool.end() resolves before its sockets finish closing; wait for them rather than
            // killing them (FORCE), which would surface as connection errors in the test output.
            for (let attempt = 0; ; attempt++) {
              try {
                await dropper.query(`DROP DATABASE IF EXISTS "${name}"${attempt >= 40 ? ' WITH (FORCE)' : ''}`);
                break;
              } catch (error) {
                if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
                await new Promise((resolve) => setTimeout(resolve, 50));
              }
            }
          } finally {
            await dropper.end();
          }
        },
      };
    },
  };
}

/** The backends every data-layer suite runs against. */
export function testBackends(): TestBackend[] {
  // Read directly, not through getServerConfig(): a test-only variable the app never reads.
  return [pglite, postgres(process.env.TEST_DATABASE_URL?.trim() || undefined)];
}

/** A suite title that says why it is skipped, so a skipped PostgreSQL run is visible in the report. */
export function backendTitle(subject: string, backend: TestBackend): string {
  if (backend.skipReason) console.warn(`[test] ${subject} on ${backend.name}: ${backend.skipReason}`);
  return `${subject} on ${backend.name}${backend.skipReason ? ` (skipped: ${backend.skipReason})` : ''}`;
}
