import 'server-only';

export type SqlStatement = {
  /** The statement text without its trailing semicolon. */
  text: string;
  /** 1-based line of the statement's first character in the file. */
  line: number;
  /** 0-based offset of the statement's first character in the file. */
  offset: number;
};

/**
 * Splits a PostgreSQL script into statements at top-level semicolons. Semicolons inside quotes,
 * quoted identifiers, dollar-quoted bodies ($$ … $$, $fn$ … $fn$), line comments and (nested)
 * block comments do not split. Comment-only chunks are dropped.
 * Not handled: SQL-standard `BEGIN ATOMIC … END` function bodies; write those with $$ instead.
 */
export function splitSqlStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const chunk = sql.slice(start, end);
    const lead = firstCodeOffset(chunk);
    if (lead !== -1) {
      const offset = start + lead;
      statements.push({ text: sql.slice(offset, end).trimEnd(), offset, line: lineAt(sql, offset) });
    }
  };
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      i = skipLineComment(sql, i);
    } else if (ch === '/' && next === '*') {
      i = skipBlockComment(sql, i);
    } else if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]) && !/[\w$]/.test(sql[i - 2] ?? ' ');
      i = skipQuoted(sql, i, "'", escapes);
    } else if (ch === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (ch === '$' && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      i = skipDollarQuoted(sql, i);
    } else if (ch === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(sql.length);
  return statements;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

// Offset of the first character that is neither whitespace nor comment, or -1.
function firstCodeOffset(chunk: string): number {
  let i = 0;
  while (i < chunk.length) {
    if (/\s/.test(chunk[i])) i++;
    else if (chunk.startsWith('--', i)) i = skipLineComment(chunk, i);
    else if (chunk.startsWith('/*', i)) i = skipBlockComment(chunk, i);
    else return i;
  }
  return -1;
}

function skipLineComment(sql: string, i: number): number {
  const end = sql.indexOf('\n', i);
  return end === -1 ? sql.length : end + 1;
}

// PostgreSQL block comments nest.
function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

// A doubled quote is an escaped quote; in E'' strings a backslash escapes the next character.
function skipQuoted(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  i++;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

// $tag$ … $tag$; a `$` that does not open a tag (e.g. the parameter $1) is skipped alone.
function skipDollarQuoted(sql: string, i: number): number {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
  if (!match) return i + 1;
  const tag = match[0];
  const end = sql.indexOf(tag, i + tag.length);
  return end === -1 ? sql.length : end + tag.length;
}
