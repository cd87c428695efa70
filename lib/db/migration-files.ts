import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type MigrationFile = {
  /** Folder name, e.g. 20261123140000_init; also the `migration_name` Prisma records. */
  name: string;
  /** Absolute path of migration.sql. */
  file: string;
  sql: string;
  /** SHA-256 hex of the file's bytes, as Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
};

/** The default migrations folder: prisma/migrations under the working directory. */
export const defaultMigrationsDir = path.resolve('prisma', 'migrations');

/** Reads every `<name>/migration.sql` under `dir`, sorted by name (Prisma's timestamp order). */
export function readMigrationFiles(dir: string = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      const bytes = readFileSync(file);
      return { name, file, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    });
}

/** SHA-256 of the bytes, lowercase hex. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Whether a recorded checksum still matches the file. Like Prisma, also accepts the file with CRLF
 * turned into LF (and the reverse), so a Windows checkout is not "drift", and the unpadded hex
 * (`{:x}` per byte) that early Prisma versions recorded.
 */
export function checksumMatches(recorded: string, file: MigrationFile): boolean {
  if (recorded === file.checksum) return true;
  const lf = file.sql.replace(/\r\n/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  return [file.sql, lf, crlf].some((text) => {
    const digest = createHash('sha256').update(text).digest();
    return recorded === digest.toString('hex') || recorded === [...digest].map((b) => b.toString(16)).join('');
  });
}
