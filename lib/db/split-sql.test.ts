import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './split-sql';

const texts = (sql: string) => splitSqlStatements(sql).map((s) => s.text);

describe('splitSqlStatements', () => {
  it('splits at top-level semicolons and drops comment-only chunks', () => {
    expect(texts('-- CreateTable\nCREATE TABLE a (id int);\n\n-- trailing comment\n')).toEqual(['CREATE TABLE a (id int)']);
  });

  it('keeps semicolons inside strings, identifiers, comments and dollar quotes', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', 'it''s;', E'x\\';y');",
      'CREATE TABLE "odd;name" (id int);',
      '/* block; /* nested; */ still; */ SELECT 1;',
      'SELECT 2; -- line; comment',
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;',
      'DO $body$ BEGIN PERFORM 1; END $body$;',
      'SELECT $1::int',
    ].join('\n');
    expect(texts(sql)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s;', E'x\\';y')",
      'CREATE TABLE "odd;name" (id int)',
      'SELECT 1', // leading comments belong to no statement
      'SELECT 2',
      'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql',
      'DO $body$ BEGIN PERFORM 1; END $body$',
      'SELECT $1::int',
    ]);
  });

  it('reports the line each statement starts on', () => {
    const statements = splitSqlStatements('-- header\n\nSELECT 1;\n\n-- next\nSELECT\n  2;');
    expect(statements.map((s) => s.line)).toEqual([3, 6]);
  });
});
