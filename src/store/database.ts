/**
 * Opens the app's database: Prisma 7 over the `pg` driver adapter, for both a
 * real PostgreSQL and the embedded one. Only src/store imports Prisma.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Prisma } from "../generated/prisma/client.js";

export type Database = InstanceType<typeof PrismaClient>;
export type Transaction = Prisma.TransactionClient;

export function openDatabase(connectionString: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 5 }) });
}
