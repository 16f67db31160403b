// `npm run user:role -- <email> <reader|editor>`: sets a reader's role (editors can preview drafts).
import { isUserRole, setUserRole } from '@/lib/accounts/users/users';
import { openDatabase } from '@/lib/db/client';
import { userRoles } from '@/lib/db/schema';
import { getServerConfig } from '@/lib/config/server';

async function main(): Promise<number> {
  const [email, role] = process.argv.slice(2);
  if (!email || !role || !isUserRole(role)) {
    console.error(`Usage: npm run user:role -- <email> <${userRoles.join('|')}>`);
    return 2;
  }
  const config = getServerConfig();
  const handle = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 1 } : { dataDir: config.dataDir, migrate: true },
  );
  try {
    if (!(await setUserRole(handle.db, email, role))) {
      console.error(`No account has the email ${email.trim().toLowerCase()}.`);
      return 1;
    }
    console.log(`${email.trim().toLowerCase()} is now ${role === 'editor' ? 'an editor' : 'a reader'}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`user:role failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
