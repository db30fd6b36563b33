import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export type { PrismaClient };
export { Prisma } from "../generated/prisma/client.js";

/** The one way the app opens PostgreSQL: Prisma 7 through the pg driver adapter (no native engine). */
export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
