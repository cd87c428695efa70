import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate';
import { expectedShape } from './schema-check/expected-shape';
import { introspectDatabase } from './schema-check/introspect';
import { parsePrismaSchema } from './schema-check/parse-prisma';
import { diffShapes, type DbShape } from './schema-check/shape';
import { createTestDatabase, type TestDatabase } from './test-database';

// Migrations are hand-written SQL (docs/decisions/0001), so this test is what keeps them and
// schema.prisma (which the Prisma client is generated from) in agreement.
const schemaText = readFileSync(path.resolve('prisma/schema.prisma'), 'utf8');
const diffAgainst = (text: string, actual: DbShape) => diffShapes(expectedShape(parsePrismaSchema(text)), actual);

describe('migrations match prisma/schema.prisma', () => {
  let database: TestDatabase;
  let actual: DbShape;

  beforeAll(async () => {
    database = await createTestDatabase('triage_test_schema', { migrate: false });
    await migrateDatabase(database.url);
    actual = await introspectDatabase(database.url);
  }, 60_000);
  afterAll(() => database?.drop());

  it('has every table, column, type, nullability, default, key, index and enum the schema declares, and nothing else', () => {
    expect(diffAgainst(schemaText, actual)).toEqual([]);
  });

  it('sees the whole schema (guards against a parser that silently reads nothing)', () => {
    const expected = expectedShape(parsePrismaSchema(schemaText));
    expect(Object.keys(expected.tables).sort()).toEqual([
      'audit_log', 'correction_events', 'corrections', 'ingest_tokens', 'login_attempts', 'message_analysis', 'message_raw',
      'messages', 'recipient_stats', 'rescore_runs', 'ruleset_activations', 'ruleset_versions', 'sender_domain_stats', 'sender_stats',
      'sessions', 'tenant_grants', 'tenants', 'users', 'vips',
    ]);
    expect(expected.enums).toEqual({ Role: ['support', 'engineer', 'admin'] });
    expect(expected.tables.sessions.foreignKeys.sessions_user_id_fkey).toMatchObject({ table: 'users', onDelete: 'CASCADE', onUpdate: 'CASCADE' });
  });

  // Each edit makes schema.prisma disagree with the migrated database in one way.
  const alterations: [string, (s: string) => string, RegExp][] = [
    ['nullability', (s) => s.replace(/(\n  name +String)\n/, '$1?\n'), /users\.name: expected NULL/],
    ['type', (s) => s.replace('ip         String?', 'ip         Int?'), /sessions\.ip: expected type integer/],
    ['native type', (s) => s.replace('userId     String   @map("user_id") @db.Uuid', 'userId     String   @map("user_id")'), /sessions\.user_id: expected type text/],
    ['column name', (s) => s.replace('@map("password_hash")', '@map("pw_hash")'), /missing column in users: pw_hash/],
    ['table name', (s) => s.replace('@@map("vips")', '@@map("vip")'), /missing table vip/],
    ['new field', (s) => s.replace('  title     String?\n', '  title     String?\n  phone     String?\n'), /missing column in vips: phone/],
    ['unique', (s) => s.replace('slug      String        @unique', 'slug      String'), /unexpected index on tenants: tenants_slug_key/],
    ['index', (s) => s.replace('@@index([expiresAt])', '@@index([expiresAt, userId])'), /missing index on sessions: sessions_expires_at_user_id_idx/],
    ['enum value', (s) => s.replace('  admin\n}', '  admin\n  auditor\n}'), /enum Role/],
    ['default', (s) => s.replace('@default(false)', '@default(true)'), /users\.disabled: expected default true/],
    ['primary key', (s) => s.replace('@@id([userId, tenantId])', '@@id([tenantId, userId])'), /tenant_grants: expected primary key/],
    ['on delete', (s) => s.replace('references: [id], onDelete: Cascade)\n  createdAt  DateTime', 'references: [id], onDelete: Restrict)\n  createdAt  DateTime'), /foreign key sessions_user_id_fkey/],
  ];
  it.each(alterations)('detects a changed %s', (_what, alter, message) => {
    const altered = alter(schemaText);
    expect(altered).not.toBe(schemaText);
    expect(diffAgainst(altered, actual).join('\n')).toMatch(message);
  });
});
