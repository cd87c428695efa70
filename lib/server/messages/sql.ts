import 'server-only';
import type pg from 'pg';
import type { PrismaClient } from '@/lib/db';

// The ingest path runs both inside the app (the one Prisma client) and in the CLI/seed (a plain pg
// pool for bulk speed). Both speak positional-parameter SQL, so the storage code is written once
// against this tiny interface instead of twice.

export type Sql = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

export type Database = {
  query: Sql;
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
};

type RawCapable = { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> };

/** Positional SQL on a Prisma client or on an interactive transaction's client. */
export function prismaSql(client: RawCapable): Sql {
  return <T,>(text: string, values: unknown[] = []) => client.$queryRawUnsafe<T[]>(text, ...values);
}

export function prismaDatabase(client: PrismaClient): Database {
  return {
    query: prismaSql(client),
    // Large batches write megabytes of raw bytes: allow more than Prisma's 5 s default.
    transaction: (fn) => client.$transaction((tx) => fn(prismaSql(tx)), { timeout: 120_000, maxWait: 30_000 }),
  };
}

export function pgDatabase(pool: pg.Pool): Database {
  const query: Sql = async <T,>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[];
  return {
    query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async <T,>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
