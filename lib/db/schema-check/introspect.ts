import 'server-only';
import pg from 'pg';
import { normaliseDefault, type DbShape, type TableShape } from './shape';

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** Reads the public schema's tables, columns, keys, indexes and enums from pg_catalog. */
export async function introspectDatabase(url: string, options: { ignoreTables?: string[] } = {}): Promise<DbShape> {
  const ignore = new Set(options.ignoreTables ?? ['_prisma_migrations']);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shape: DbShape = { tables: {}, enums: {} };
    const enums = await client.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    for (const row of enums.rows) shape.enums[row.name] = row.labels;

    const columns = await client.query<{ table: string; column: string; type: string; notnull: boolean; def: string | null }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum`);
    const table = (name: string): TableShape =>
      (shape.tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} });
    for (const row of columns.rows) {
      if (ignore.has(row.table)) continue;
      table(row.table).columns[row.column] = { type: row.type, nullable: !row.notnull, default: normaliseDefault(row.def) };
    }

    const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
             array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`);
    for (const row of indexes.rows) {
      if (ignore.has(row.table)) continue;
      if (row.primary) table(row.table).primaryKey = { name: row.name, columns: row.columns };
      else table(row.table).indexes[row.name] = { columns: row.columns, unique: row.unique };
    }

    const fks = await client.query<{ table: string; name: string; columns: string[]; target: string; references: string[]; del: string; upd: string }>(`
      SELECT t.relname AS table, con.conname AS name, r.relname AS target,
             array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
             array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS references,
             con.confdeltype AS del, con.confupdtype AS upd
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND con.contype = 'f'`);
    for (const row of fks.rows) {
      if (ignore.has(row.table)) continue;
      table(row.table).foreignKeys[row.name] = {
        columns: row.columns,
        table: row.target,
        references: row.references,
        onDelete: ACTIONS[row.del],
        onUpdate: ACTIONS[row.upd],
      };
    }
    return shape;
  } finally {
    await client.end();
  }
}
