import 'server-only';

// A parser for the subset of the Prisma schema language Triage uses (models, enums, scalar and
// relation fields, @map/@@map, @db.*, ?, [], @id/@@id, @unique/@@unique, @@index, @default,
// @relation). @prisma/internals' getDMMF is not installed and needs the engine's wasm; this is
// small, offline, and the schema-match test checks it against the real database anyway.

export type Attribute = { name: string; args: Arg[] };
export type Arg = { key?: string; value: Value };
export type Value = string | { call: string; args: Arg[] } | Value[];

export type Field = { name: string; type: string; optional: boolean; list: boolean; attributes: Attribute[] };
export type Model = { name: string; fields: Field[]; attributes: Attribute[] };
export type Enum = { name: string; values: string[]; attributes: Attribute[] };
export type PrismaSchema = { models: Model[]; enums: Enum[] };

/** Parses schema.prisma text into models and enums; generator/datasource blocks are skipped. */
export function parsePrismaSchema(text: string): PrismaSchema {
  const schema: PrismaSchema = { models: [], enums: [] };
  const lines = text.split('\n').map(stripComment);
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s*(model|enum|generator|datasource|view|type)\s+(\w+)\s*\{\s*$/.exec(lines[i]);
    if (!head) continue;
    const body: string[] = [];
    while (++i < lines.length && !/^\s*\}\s*$/.test(lines[i])) if (lines[i].trim()) body.push(lines[i].trim());
    const [, kind, name] = head;
    if (kind === 'model') schema.models.push(parseModel(name, body));
    if (kind === 'enum') {
      const attributes = body.filter((l) => l.startsWith('@@')).map((l) => parseAttributes(l)[0]);
      const values = body.filter((l) => !l.startsWith('@@')).map((l) => l.split(/\s+/)[0]);
      schema.enums.push({ name, values, attributes });
    }
  }
  return schema;
}

function parseModel(name: string, body: string[]): Model {
  const model: Model = { name, fields: [], attributes: [] };
  for (const line of body) {
    if (line.startsWith('@@')) {
      model.attributes.push(...parseAttributes(line));
      continue;
    }
    const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (!match) throw new Error(`Cannot parse field in model ${name}: ${line}`);
    const [, fieldName, type, list, optional, rest] = match;
    model.fields.push({ name: fieldName, type, list: Boolean(list), optional: Boolean(optional), attributes: parseAttributes(rest) });
  }
  return model;
}

/** Reads `@name(args) @@name(args) …` from a line. */
export function parseAttributes(text: string): Attribute[] {
  const attributes: Attribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '@') {
      i++;
      continue;
    }
    while (text[i] === '@') i++;
    const name = /^[\w.]+/.exec(text.slice(i))![0];
    i += name.length;
    let args: Arg[] = [];
    if (text[i] === '(') {
      const end = findClosing(text, i);
      args = parseArgs(text.slice(i + 1, end));
      i = end + 1;
    }
    attributes.push({ name, args });
  }
  return attributes;
}

function parseArgs(text: string): Arg[] {
  return splitTopLevel(text).map((part) => {
    const keyed = /^(\w+)\s*:\s*([\s\S]*)$/.exec(part);
    return keyed ? { key: keyed[1], value: parseValue(keyed[2]) } : { value: parseValue(part) };
  });
}

function parseValue(text: string): Value {
  const t = text.trim();
  if (t.startsWith('[')) return splitTopLevel(t.slice(1, findClosing(t, 0))).map(parseValue);
  if (t.startsWith('"')) return JSON.parse(t) as string;
  const call = /^([\w.]+)\(([\s\S]*)\)$/.exec(t);
  if (call) return { call: call[1], args: parseArgs(call[2]) };
  return t;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function findClosing(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && --depth === 0) return i;
  }
  throw new Error(`Unbalanced brackets in: ${text}`);
}

// Drops a `//` comment unless it is inside a string.
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && line.startsWith('//', i)) return line.slice(0, i);
  }
  return line;
}
