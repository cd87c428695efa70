import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { env } from '@/lib/env';
import { startEmbeddedPostgres, type DatabaseHandle } from './embedded';
import { isProcessAlive, readLock } from './embedded-lock';
import { migrateDatabase } from './migrate';

export type TestDatabase = { url: string; drop(): Promise<void> };

/**
 * A fresh, uniquely named database (`<prefix>_<random>`) on the server of TEST_DATABASE_URL or
 * DATABASE_URL; without either, on a private embedded server in a temp folder that stops when this
 * process's last test database is dropped. Migrated unless `migrate: false`.
 */
export async function createTestDatabase(prefix = 'triage_test', options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const server = await acquireServer();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase().slice(0, 63);
  const adminUrl = server.url;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = withDatabase(adminUrl, name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    // FORCE (PostgreSQL 13+) ends connections a test forgot to close.
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    await server.release();
  };
  try {
    if (options.migrate !== false) await migrateDatabase(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

/**
 * The database integration tests should use: TEST_DATABASE_URL as is when the test runner set it
 * (drop() leaves it alone), otherwise a fresh migrated database of our own.
 */
export async function getTestDatabase(): Promise<TestDatabase> {
  if (env.TEST_DATABASE_URL) return { url: env.TEST_DATABASE_URL, drop: async () => {} };
  return createTestDatabase();
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

type Server = { url: string; release(): Promise<void> };

const TEMP_PREFIX = 'triage-test-pg-';

let embedded: { handle: Promise<DatabaseHandle>; dir: string; users: number } | undefined;

async function acquireServer(): Promise<Server> {
  const external = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  if (external) return { url: external, release: async () => {} };
  if (!embedded) {
    reapOrphanedTestServers();
    const dir = mkdtempSync(path.join(tmpdir(), TEMP_PREFIX));
    // Signals stop the server too: a test worker killed with SIGTERM would otherwise orphan it.
    embedded = { dir, users: 0, handle: startEmbeddedPostgres({ dataDir: dir }) };
  }
  const current = embedded;
  current.users++;
  const handle = await current.handle;
  return {
    url: withDatabase(handle.url, 'postgres'),
    release: async () => {
      if (--current.users > 0) return;
      if (embedded === current) embedded = undefined;
      await handle.stop();
      rmSync(current.dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Stops and deletes private test servers whose owning process died without stopping them
 * (SIGKILL, a crashed worker). Folders with a live owner, or too new to have a lock yet, are left alone.
 */
export function reapOrphanedTestServers(root: string = tmpdir()): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      const lock = readLock(path.join(dir, 'postgres.lock'));
      if (lock ? isProcessAlive(lock.pid) : Date.now() - statSync(dir).mtimeMs < 60_000) continue;
      const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
      const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (isProcessAlive(postmaster)) process.kill(postmaster, 'SIGINT'); // the next pass deletes the folder
      else rmSync(dir, { recursive: true, force: true });
    } catch {
      // Racing another reaper or a folder being deleted: skip it.
    }
  }
}
