// drizzle-kit settings: `npx drizzle-kit generate` writes SQL migrations for lib/db/schema.ts into
// lib/db/migrations (committed).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
});
