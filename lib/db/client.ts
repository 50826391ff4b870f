import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = {
  prisma: PrismaClient;
  /** The same pool Prisma uses, for the few hot paths written in SQL (claiming, bulk writes). */
  pool: pg.Pool;
  /** Whether the hot statements may be named (lib/db/named-statements.ts): NOVAVMS_DB_NAMED_STATEMENTS. */
  namedStatements: boolean;
  close: () => Promise<void>;
};

export function connectDatabase(url: string, options: { poolSize?: number; namedStatements?: boolean } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection that the server drops must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    namedStatements: options.namedStatements ?? true,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
