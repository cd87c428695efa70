import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { PrismaClient } from './generated/client';

/** Creates a Prisma client for this connection string. Callers own it and must `$disconnect()`. */
export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

// Outside production the client also lives on globalThis, so Next's hot reload reuses one pool
// instead of opening a new one on every edit.
const globalForDb = globalThis as unknown as { triageDb?: PrismaClient };
let client: PrismaClient | undefined;

/** The app's one Prisma client, created on first use from env.DATABASE_URL. */
export function getDb(): PrismaClient {
  client ??= globalForDb.triageDb;
  if (client) return client;
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. `npm start` sets it for the embedded database; otherwise point it at PostgreSQL.');
  client = createPrismaClient(url);
  if (env.NODE_ENV !== 'production') globalForDb.triageDb = client;
  return client;
}

/** The app's Prisma client; connecting is deferred to the first query, so importing never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const target = getDb();
    const value = Reflect.get(target, key, target) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});
