import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. The URL is optional here so that `prisma generate`
// works without a database; `prisma migrate deploy` needs DATABASE_URL set.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lapor_kelompok" },
});
