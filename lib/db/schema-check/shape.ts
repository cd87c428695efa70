import 'server-only';

// The database shape both sides are reduced to: what schema.prisma implies, and what pg_catalog says.
export type ColumnShape = { type: string; nullable: boolean; default: string | null };
export type IndexShape = { columns: string[]; unique: boolean };
export type ForeignKeyShape = { columns: string[]; table: string; references: string[]; onDelete: string; onUpdate: string };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
};
export type DbShape = { tables: Record<string, TableShape>; enums: Record<string, string[]> };

/** Lists every difference between the expected and actual shape; empty when they match. */
export function diffShapes(expected: DbShape, actual: DbShape): string[] {
  const out: string[] = [];
  diffKeys('enum', expected.enums, actual.enums, out, (name, e, a) => {
    if (e.join(',') !== a.join(',')) out.push(`enum ${name}: expected values [${e}], found [${a}]`);
  });
  diffKeys('table', expected.tables, actual.tables, out, (table, e, a) => {
    diffKeys(`column in ${table}:`, e.columns, a.columns, out, (col, ec, ac) => {
      if (ec.type !== ac.type) out.push(`${table}.${col}: expected type ${ec.type}, found ${ac.type}`);
      if (ec.nullable !== ac.nullable) out.push(`${table}.${col}: expected ${ec.nullable ? 'NULL' : 'NOT NULL'}, found ${ac.nullable ? 'NULL' : 'NOT NULL'}`);
      if (ec.default !== ac.default) out.push(`${table}.${col}: expected default ${ec.default ?? 'none'}, found ${ac.default ?? 'none'}`);
    });
    const ePk = JSON.stringify(e.primaryKey);
    const aPk = JSON.stringify(a.primaryKey);
    if (ePk !== aPk) out.push(`${table}: expected primary key ${ePk}, found ${aPk}`);
    diffKeys(`index on ${table}:`, e.indexes, a.indexes, out, (name, ei, ai) => {
      if (JSON.stringify(ei) !== JSON.stringify(ai)) out.push(`index ${name}: expected ${JSON.stringify(ei)}, found ${JSON.stringify(ai)}`);
    });
    diffKeys(`foreign key on ${table}:`, e.foreignKeys, a.foreignKeys, out, (name, ef, af) => {
      if (JSON.stringify(ef) !== JSON.stringify(af)) out.push(`foreign key ${name}: expected ${JSON.stringify(ef)}, found ${JSON.stringify(af)}`);
    });
  });
  return out;
}

function diffKeys<T>(
  what: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  out: string[],
  both: (key: string, e: T, a: T) => void,
): void {
  for (const key of Object.keys(expected)) {
    if (!(key in actual)) out.push(`missing ${what} ${key}`);
    else both(key, expected[key], actual[key]);
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) out.push(`unexpected ${what} ${key}`);
}

/** Normalises a column default as pg_get_expr prints it: `'x'::type` → x, nextval(…) → nextval. */
export function normaliseDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (expr.startsWith('nextval(')) return 'nextval';
  const literal = /^'((?:[^']|'')*)'::[\w\s"[\]().,]+$/.exec(expr);
  if (literal) return literal[1].replace(/''/g, "'");
  return expr;
}

/** An identifier as format_type prints it: quoted unless lower-case and plain. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
