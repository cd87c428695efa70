import 'server-only';
import type { Attribute, Field, Model, PrismaSchema, Value } from './parse-prisma';
import { quoteIdent, type DbShape, type TableShape } from './shape';

// Prisma's PostgreSQL mapping, written as format_type() prints it.
const SCALARS: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const NATIVE: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Text: () => 'text',
  VarChar: (a) => (a.length ? `character varying(${a[0]})` : 'character varying'),
  Char: (a) => (a.length ? `character(${a[0]})` : 'character'),
  Timestamptz: (a) => (a.length ? `timestamp(${a[0]}) with time zone` : 'timestamp with time zone'),
  Timestamp: (a) => (a.length ? `timestamp(${a[0]}) without time zone` : 'timestamp without time zone'),
  Date: () => 'date',
  Integer: () => 'integer',
  SmallInt: () => 'smallint',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: (a) => (a.length ? `numeric(${a.join(',')})` : 'numeric'),
  Boolean: () => 'boolean',
  JsonB: () => 'jsonb',
  Json: () => 'json',
  Inet: () => 'inet',
  Citext: () => 'citext',
  ByteA: () => 'bytea',
};

const ACTIONS: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

/** The tables, columns, keys, indexes and enums that a migrated database must have for this schema. */
export function expectedShape(schema: PrismaSchema): DbShape {
  const enumNames = new Map(schema.enums.map((e) => [e.name, mapName(e.attributes) ?? e.name]));
  const models = new Map(schema.models.map((m) => [m.name, m]));
  const shape: DbShape = { tables: {}, enums: {} };
  for (const e of schema.enums) shape.enums[enumNames.get(e.name)!] = e.values;
  for (const model of schema.models) {
    const table = tableName(model);
    const t: TableShape = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    const column = (fieldName: string) => columnName(field(model, fieldName));
    for (const f of model.fields) {
      if (models.has(f.type)) {
        const rel = attr(f.attributes, 'relation');
        const fields = listArg(rel, 'fields');
        if (!rel || fields.length === 0) continue; // the back-relation side holds no columns
        const target = models.get(f.type)!;
        const cols = fields.map(column);
        const required = fields.some((n) => !field(model, n).optional);
        t.foreignKeys[stringArg(rel, 'map') ?? `${table}_${cols.join('_')}_fkey`] = {
          columns: cols,
          table: tableName(target),
          references: listArg(rel, 'references').map((n) => columnName(field(target, n))),
          onDelete: ACTIONS[identArg(rel, 'onDelete') ?? (required ? 'Restrict' : 'SetNull')],
          onUpdate: ACTIONS[identArg(rel, 'onUpdate') ?? 'Cascade'],
        };
        continue;
      }
      const col = columnName(f);
      t.columns[col] = { type: columnType(f, enumNames), nullable: f.optional || f.list, default: defaultOf(f) };
      const id = attr(f.attributes, 'id');
      if (id) t.primaryKey = { name: stringArg(id, 'map') ?? `${table}_pkey`, columns: [col] };
      const unique = attr(f.attributes, 'unique');
      if (unique) t.indexes[stringArg(unique, 'map') ?? `${table}_${col}_key`] = { columns: [col], unique: true };
    }
    for (const a of model.attributes) {
      const cols = listArg(a).map(column);
      if (a.name === 'id') t.primaryKey = { name: stringArg(a, 'map') ?? `${table}_pkey`, columns: cols };
      if (a.name === 'unique') t.indexes[stringArg(a, 'map') ?? `${table}_${cols.join('_')}_key`] = { columns: cols, unique: true };
      if (a.name === 'index') t.indexes[stringArg(a, 'map') ?? `${table}_${cols.join('_')}_idx`] = { columns: cols, unique: false };
    }
    shape.tables[table] = t;
  }
  return shape;
}

function columnType(f: Field, enums: Map<string, string>): string {
  const native = f.attributes.find((a) => a.name.startsWith('db.'));
  let base: string;
  if (native) {
    const make = NATIVE[native.name.slice(3)];
    if (!make) throw new Error(`schema-check does not know @${native.name}; add it to NATIVE`);
    base = make(native.args.map((a) => String(a.value)));
  } else if (enums.has(f.type)) {
    base = quoteIdent(enums.get(f.type)!);
  } else {
    base = SCALARS[f.type];
    if (!base) throw new Error(`Unknown field type ${f.type}`);
  }
  return f.list ? `${base}[]` : base;
}

// Defaults as normaliseDefault() prints the database's: client-side generators have none.
function defaultOf(f: Field): string | null {
  const d = attr(f.attributes, 'default');
  if (!d) return null;
  const value = d.args.find((a) => !a.key)?.value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  if (!value) return null;
  if (value.call === 'now') return 'CURRENT_TIMESTAMP';
  if (value.call === 'autoincrement') return 'nextval';
  if (value.call === 'dbgenerated') return value.args.length ? String(value.args[0].value) : null;
  return null; // uuid(), cuid(), nanoid(), ulid(): generated by the client
}

const mapName = (attributes: Attribute[]) => stringArg(attr(attributes, 'map'));
const tableName = (m: Model) => mapName(m.attributes) ?? m.name;
const columnName = (f: Field) => mapName(f.attributes) ?? f.name;
const attr = (attributes: Attribute[], name: string) => attributes.find((a) => a.name === name);

function field(model: Model, name: string): Field {
  const f = model.fields.find((x) => x.name === name);
  if (!f) throw new Error(`Model ${model.name} has no field ${name}`);
  return f;
}

function stringArg(a: Attribute | undefined, key?: string): string | undefined {
  if (!a) return undefined;
  // @map("x") and @@map("x") are positional; map: "x" is keyed on @id/@unique/@@index/@relation.
  const value: Value | undefined = a.args.find((x) => (a.name === 'map' ? !x.key : x.key === key))?.value;
  return typeof value === 'string' ? value : undefined;
}

function identArg(a: Attribute | undefined, key: string): string | undefined {
  const value = a?.args.find((x) => x.key === key)?.value;
  return typeof value === 'string' ? value : undefined;
}

// [a, b(sort: Desc)] → ['a', 'b']; `fields:` on @@index is the same as the positional list.
function listArg(a: Attribute | undefined, key?: string): string[] {
  const value = a?.args.find((x) => (key ? x.key === key : !x.key || x.key === 'fields'))?.value;
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : v.call));
}
