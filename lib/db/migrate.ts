import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { checksumMatches, readMigrationFiles, type MigrationFile } from './migration-files';
import { lineAt, splitSqlStatements, type SqlStatement } from './split-sql';

export type MigrateOptions = {
  /** Progress lines; silent when omitted. */
  log?: (line: string) => void;
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
};

export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

/** A migration could not be applied, or the recorded history disagrees with the files. */
export class MigrationError extends Error {
  readonly migration?: string;
  readonly file?: string;
  readonly statement?: string;
  constructor(message: string, details: { migration?: string; file?: string; statement?: string; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.name = 'MigrationError';
    this.migration = details.migration;
    this.file = details.file;
    this.statement = details.statement;
  }
}

// The advisory lock key `prisma migrate` itself takes, so this runner and Prisma's never interleave.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's own DDL for its history table, so `prisma migrate deploy` accepts a database we migrated.
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type HistoryRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/**
 * Applies pending migrations from prisma/migrations in name order, each in its own transaction,
 * under Prisma's advisory lock. Idempotent. Refuses to run when an applied migration's file changed
 * or a previous (Prisma) run left a failed migration behind.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = readMigrationFiles(options.migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const history = await client.query<HistoryRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at',
    );
    const pending = findPending(files, history.rows, log);
    const alreadyApplied = files.filter((f) => !pending.includes(f)).map((f) => f.name);
    if (pending.length === 0) log(`Database is up to date (${alreadyApplied.length} migrations applied).`);
    for (const migration of pending) {
      const started = Date.now();
      await applyMigration(client, migration);
      log(`Applied ${migration.name} (${Date.now() - started} ms)`);
    }
    return { applied: pending.map((m) => m.name), alreadyApplied };
  } finally {
    // Ending the session releases the advisory lock even if the unlock query fails.
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

// Checks the history against the files before anything runs, so drift never leaves a half-migrated database.
function findPending(files: MigrationFile[], history: HistoryRow[], log: (line: string) => void): MigrationFile[] {
  const problems: string[] = [];
  const applied = new Map<string, HistoryRow>();
  for (const row of history) {
    if (row.finished_at === null) {
      problems.push(`Migration ${row.migration_name} failed in an earlier run and was never finished or rolled back; fix the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`);
    } else {
      applied.set(row.migration_name, row);
    }
  }
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && !checksumMatches(row.checksum, file)) {
      problems.push(`Migration ${file.name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… recorded, file is ${file.checksum.slice(0, 12)}…): ${file.file}. Restore the file and put the change in a new migration.`);
    }
  }
  for (const name of applied.keys()) {
    if (!files.some((f) => f.name === name)) log(`Warning: migration ${name} is recorded in the database but missing from the migrations folder.`);
  }
  if (problems.length > 0) throw new MigrationError(problems.join('\n'));
  return files.filter((f) => !applied.has(f.name));
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  let current: SqlStatement | undefined;
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, migration.checksum, migration.name],
    );
    for (const statement of splitSqlStatements(migration.sql)) {
      current = statement;
      await client.query(statement.text);
    }
    current = undefined;
    // Prisma counts the whole script as one step.
    await client.query('UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw describeFailure(migration, current, error);
  }
}

function describeFailure(migration: MigrationFile, statement: SqlStatement | undefined, error: unknown): MigrationError {
  const pgError = error as { message?: string; position?: string; code?: string };
  const reason = `${pgError.message ?? String(error)}${pgError.code ? ` [${pgError.code}]` : ''}`;
  if (!statement) {
    return new MigrationError(`Migration ${migration.name} failed: ${reason}`, { migration: migration.name, file: migration.file, cause: error });
  }
  // Postgres reports `position` as a 1-based character index within the statement we sent.
  const position = Number(pgError.position);
  const line = Number.isFinite(position) && position > 0 ? lineAt(migration.sql, statement.offset + position - 1) : statement.line;
  const excerpt = statement.text.length > 400 ? `${statement.text.slice(0, 400)}…` : statement.text;
  return new MigrationError(
    `Migration ${migration.name} failed at ${migration.file}:${line}: ${reason}\nStatement:\n${excerpt}\nThe migration was rolled back; the database is unchanged.`,
    { migration: migration.name, file: migration.file, statement: statement.text, cause: error },
  );
}
