// Applies pending database migrations to PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL): `npm run db:migrate`;
// `npm start` runs it first.
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, runMigrations, type DatabaseHandle } from '@/lib/db/client';
import { getServerConfig } from '@/lib/config/server';

async function appliedCount(handle: DatabaseHandle): Promise<number> {
  try {
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return rows[0]?.n ?? 0;
  } catch {
    return 0; // a fresh database has no migrations table yet
  }
}

async function main(): Promise<void> {
  const config = getServerConfig();
  const handle = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    const before = await appliedCount(handle);
    await runMigrations(handle);
    const after = await appliedCount(handle);
    const what = handle.kind === 'pglite' ? `PGlite folder ${handle.location}` : `PostgreSQL ${handle.location}`;
    console.log(
      after > before ? `[db] Applied ${after - before} migration(s) to ${what}.` : `[db] ${what} is up to date.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[db] Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
