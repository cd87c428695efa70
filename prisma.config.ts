import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations are applied by lib/db/migrate.ts (see docs/decisions).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
