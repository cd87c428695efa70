import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { env } from '@/lib/env';
import { isProcessAlive, readLock, releaseLock, removeStaleLock, tryCreateLock, writeLock, type LockInfo } from './embedded-lock';
import { ensureTraversable, initialisePostgres, startPostgresProcess, type RunningPostgres } from './embedded-process';

export type DatabaseHandle = {
  /** Connection string for the `triage` database (or whatever DATABASE_URL says). */
  url: string;
  /** True when this process started (or adopted) the server and stop() will shut it down. */
  owned: boolean;
  /** Stops the embedded server if this process owns it; otherwise does nothing. Idempotent. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Defaults to env.TRIAGE_DATA_DIR; the cluster lives in `<dataDir>/postgres`. */
  dataDir?: string;
  /** Database to create if missing; defaults to `triage`. */
  database?: string;
  log?: (line: string) => void;
  /** Stop the server on SIGINT/SIGTERM/SIGHUP, then exit. Default true; `npm start` handles signals itself. */
  handleSignals?: boolean;
};

const USER = 'postgres';
const WAIT_FOR_OWNER_MS = 90_000;

/** DATABASE_URL when set; otherwise an embedded PostgreSQL under TRIAGE_DATA_DIR (see docs/decisions/0002). */
export async function ensureDatabase(options: EmbeddedOptions = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, owned: false, stop: async () => {} };
  return startEmbeddedPostgres(options);
}

/**
 * Starts (or connects to) the embedded server for a data folder. One server per folder: if a live
 * process already owns it, this connects to that server and stop() leaves it running. A lock left
 * by a killed process is taken over; a postmaster it orphaned is adopted rather than duplicated.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<DatabaseHandle> {
  const dataDir = path.resolve(options.dataDir ?? env.TRIAGE_DATA_DIR);
  const database = options.database ?? 'triage';
  const log = options.log ?? (() => {});
  mkdirSync(dataDir, { recursive: true });
  ensureTraversable(dataDir);
  const lockFile = path.join(dataDir, 'postgres.lock');
  const pgData = path.join(dataDir, 'postgres');
  const password = readOrCreatePassword(dataDir, pgData);
  const urlFor = (port: number) => `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;

  const mine: LockInfo = { pid: process.pid, postgresPid: null, port: null, startedAt: new Date().toISOString() };
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  while (!tryCreateLock(lockFile, mine)) {
    const other = readLock(lockFile);
    if (!other) {
      // Just created by another process and not yet written; or garbage from a crash long ago.
      if (Date.now() - safeMtime(lockFile) > 5_000) unlinkQuietly(lockFile);
    } else if (isProcessAlive(other.pid) && other.port && (await canConnect(other.port))) {
      log(`Using the embedded PostgreSQL owned by pid ${other.pid} on port ${other.port}.`);
      await createDatabaseIfMissing(urlFor(other.port), database);
      return { url: urlFor(other.port), owned: false, stop: async () => {} };
    } else if (!isProcessAlive(other.pid)) {
      log(`Taking over a stale lock left by pid ${other.pid}.`);
      removeStaleLock(lockFile, other);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`The embedded PostgreSQL in ${pgData} is locked by pid ${other?.pid ?? '?'} (${lockFile}), which has not finished starting it. Stop that process, or delete the lock file if it is not running.`);
    }
    await sleep(150);
  }

  let running: RunningPostgres | undefined;
  try {
    running = await adoptOrphan(pgData, log);
    if (!running) {
      if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
        if (existsSync(pgData) && readdirSync(pgData).length > 0) throw new Error(`${pgData} exists but is not a PostgreSQL data folder; move it away.`);
        const started = Date.now();
        await initialisePostgres({ pgData, user: USER, password, log });
        log(`Initialised a new PostgreSQL cluster in ${pgData} (${Date.now() - started} ms).`);
      }
      running = await startPostgresProcess({ pgData, user: USER, password, log });
    }
    writeLock(lockFile, { ...mine, postgresPid: running.pid, port: running.port });
    await createDatabaseIfMissing(urlFor(running.port), database);
  } catch (error) {
    await running?.stop().catch(() => {});
    releaseLock(lockFile, process.pid);
    throw error;
  }

  const server = running;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      removeSignalHandlers();
      process.off('exit', onExit);
      await waitForOtherClients(urlFor(server.port), log);
      await server.stop();
      releaseLock(lockFile, process.pid);
      log('Embedded PostgreSQL stopped.');
    })();
    return stopping;
  };
  // Last resort if the process exits without stop(): a synchronous SIGINT is all 'exit' allows.
  const onExit = () => {
    server.killNow();
    releaseLock(lockFile, process.pid);
  };
  process.on('exit', onExit);
  const removeSignalHandlers = options.handleSignals === false ? () => {} : installSignalHandlers(stop);
  log(`Embedded PostgreSQL listening on 127.0.0.1:${server.port} (data: ${pgData}).`);
  return { url: urlFor(server.port), owned: true, stop };
}

// A postmaster whose owner was SIGKILLed keeps running with its postmaster.pid; reuse it.
async function adoptOrphan(pgData: string, log: (line: string) => void): Promise<RunningPostgres | undefined> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isProcessAlive(pid) || !(await canConnect(port))) return undefined;
  log(`Adopting the PostgreSQL server (pid ${pid}, port ${port}) left running by a previous process.`);
  const exited = () => !isProcessAlive(pid);
  return {
    pid,
    port,
    killNow: () => signalQuietly(pid, 'SIGINT'),
    stop: async () => {
      signalQuietly(pid, 'SIGINT');
      for (let i = 0; i < 200 && !exited(); i++) await sleep(50);
    },
  };
}

function installSignalHandlers(stop: () => Promise<void>): () => void {
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const handlers = Object.entries(signals).map(([signal, code]) => {
    const handler = () => void stop().finally(() => process.exit(code));
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
}

// The superuser password is random per data folder, so other local users cannot log in over TCP.
function readOrCreatePassword(dataDir: string, pgData: string): string {
  const file = path.join(dataDir, 'postgres.password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(path.join(pgData, 'PG_VERSION'))) {
    throw new Error(`${file} is missing but ${pgData} is initialised; restore the password file or delete ${pgData} to start over.`);
  }
  const password = randomBytes(18).toString('base64url');
  try {
    // 'wx': if two first starts race, both end up with the winner's password.
    writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' });
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Created concurrently: 42P04 if it committed first, 23505 if both raced in pg_database.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

// Another process may have borrowed this server (e.g. `npm run db:seed` while `npm start` runs).
// Give its sessions up to 5 s to finish; it needs two quiet polls because a borrower's scripts
// open and close connections between steps. Any connection error means there is nothing to wait for.
async function waitForOtherClients(url: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const deadline = Date.now() + 5_000;
    let quiet = 0;
    while (quiet < 2 && Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      quiet = rows[0].n === 0 ? quiet + 1 : 0;
      if (quiet === 0 && Date.now() + 5_000 - deadline < 300) log(`Waiting for ${rows[0].n} other connection(s) before stopping PostgreSQL…`);
      if (quiet < 2) await sleep(150);
    }
  } catch {
    // Server already gone or refusing connections.
  } finally {
    await client.end().catch(() => {});
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function safeMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
