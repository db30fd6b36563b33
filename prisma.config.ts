import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. The URL is optional here so that `prisma generate`
// works without a database; `prisma migrate deploy` needs DATABASE_URL set.
// The app itself migrates with src/db/migrate.ts (`npm run db:migrate`), which keeps
// Prisma's _prisma_migrations table, and seeds with `npm run db:seed`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lapor_kelompok" },
});
