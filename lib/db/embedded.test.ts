import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from './embedded-lock';
import { startEmbeddedPostgres, type DatabaseHandle } from './embedded';

const dataDir = mkdtempSync(path.join(tmpdir(), 'triage-embedded-test-'));
const lockFile = path.join(dataDir, 'postgres.lock');
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  for (const h of handles.reverse()) await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<DatabaseHandle> {
  const handle = await startEmbeddedPostgres({ dataDir, handleSignals: false });
  handles.push(handle);
  return handle;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const port = (url: string) => new URL(url).port;

describe('startEmbeddedPostgres', () => {
  it('initialises, serves the triage database on 127.0.0.1, and keeps data across restarts', async () => {
    const first = await start();
    expect(first.owned).toBe(true);
    expect(new URL(first.url).hostname).toBe('127.0.0.1');
    expect(new URL(first.url).pathname).toBe('/triage');
    await query(first.url, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, port: Number(port(first.url)) });

    // A second start on the same folder connects to the running server instead of starting another.
    const second = await start();
    expect(second.owned).toBe(false);
    expect(second.url).toBe(first.url);
    await second.stop(); // borrowed: must not stop the owner's server
    expect(await query(first.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);

    await first.stop();
    expect(() => readFileSync(lockFile)).toThrow();
    const again = await start();
    expect(again.owned).toBe(true);
    expect(await query(again.url, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
    await again.stop();
  }, 60_000);

  it('takes over a stale lock left by a dead process', async () => {
    writeFileSync(lockFile, JSON.stringify({ pid: 2 ** 22 + 12345, postgresPid: null, port: 1, startedAt: new Date().toISOString() }));
    const handle = await start();
    expect(handle.owned).toBe(true);
    await handle.stop();
  }, 60_000);

  it('adopts the server orphaned by a SIGKILLed owner instead of starting a second one', async () => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/db/testing/hold-embedded.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    const orphan = JSON.parse(line) as { url: string };
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const adopted = await start();
    expect(adopted.owned).toBe(true);
    expect(port(adopted.url)).toBe(port(orphan.url));
    const postgresPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await adopted.stop();
    expect(isProcessAlive(postgresPid)).toBe(false);
  }, 60_000);
});
