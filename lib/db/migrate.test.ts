import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectDatabase } from './schema-check/introspect';
import { migrateDatabase, MigrationError } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

const created: TestDatabase[] = [];
const tempDirs: string[] = [];
// One database keeps a private embedded server (if any) alive for the whole file.
let anchor: TestDatabase;
beforeAll(async () => {
  anchor = await createTestDatabase('triage_test_migrate', { migrate: false });
}, 60_000);
afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
  await anchor?.drop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase('triage_test_migrate', { migrate: false });
  created.push(database);
  return database.url;
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'triage-migrations-'));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const history = (url: string) =>
  query<{ migration_name: string; applied_steps_count: number; finished_at: Date | null; checksum: string }>(
    url,
    'SELECT migration_name, applied_steps_count, finished_at, checksum FROM "_prisma_migrations" ORDER BY started_at',
  );

describe('migrateDatabase', () => {
  it('applies the project migrations once; a second run changes nothing', async () => {
    const url = await emptyDatabase();
    const first = await migrateDatabase(url);
    expect(first.applied.length).toBeGreaterThan(0);
    const before = { shape: await introspectDatabase(url), rows: await history(url) };
    const second = await migrateDatabase(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect({ shape: await introspectDatabase(url), rows: await history(url) }).toEqual(before);
    expect(before.rows.every((r) => r.applied_steps_count === 1 && r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it('rolls back a failing migration and names its file, line and statement', async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      '0001_ok': 'CREATE TABLE a (id int);\nDO $$ BEGIN PERFORM 1; END $$;\n',
      '0002_bad': "CREATE TABLE b (id int);\n-- a comment; with a semicolon\nINSERT INTO b VALUES (1);\nSELECT 'x;y';\nINSERT INTO nope VALUES (1);\n",
      '0003_never': 'CREATE TABLE c (id int);\n',
    });
    const error = await migrateDatabase(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.migration).toBe('0002_bad');
    expect(failure.statement).toBe('INSERT INTO nope VALUES (1)');
    expect(failure.message).toContain(`${path.join(dir, '0002_bad', 'migration.sql')}:5`);
    expect(failure.message).toContain('relation "nope" does not exist');
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'a']);
    expect((await history(url)).map((r) => r.migration_name)).toEqual(['0001_ok']);
  });

  it('refuses to run when an applied migration file was edited, but not for CRLF line endings', async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({ '0001_init': 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n' });
    await migrateDatabase(url, { migrationsDir: dir });
    writeMigration(dir, '0001_init', 'CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n');
    await expect(migrateDatabase(url, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] });
    writeMigration(dir, '0001_init', 'CREATE TABLE a (id bigint);\nCREATE TABLE b (id int);\n');
    writeMigration(dir, '0002_next', 'CREATE TABLE c (id int);\n');
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/0001_init was modified after it was applied/);
    // Nothing after the drift was applied either.
    expect((await history(url)).map((r) => r.migration_name)).toEqual(['0001_init']);
  });

  it('serialises concurrent runs with the advisory lock', async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      '0001_slow': 'CREATE TABLE a (id int);\nSELECT pg_sleep(0.3);\n',
      '0002_next': 'CREATE TABLE b (id int);\n',
    });
    const results = await Promise.all([1, 2, 3].map(() => migrateDatabase(url, { migrationsDir: dir })));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(['0001_slow', '0002_next']);
    expect((await history(url)).map((r) => r.migration_name)).toEqual(['0001_slow', '0002_next']);
  });
});
