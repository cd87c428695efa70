import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { corpusDir } from '@/lib/testing/corpus';
import { readManifest } from '@/lib/server/messages/test-support';
import { ingestCorpus } from './ingest-corpus';
import { ingestFiles } from './ingest-files';

// Own database: the corpus tenants' slugs are fixed (northwind, contoso, fabrikam).
let database: TestDatabase;
let client: pg.Client;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase('triage_ingest');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const slug of ['northwind', 'contoso', 'fabrikam']) {
    await client.query(`INSERT INTO tenants (id, slug, name, domains) VALUES (gen_random_uuid(), $1, $1, ARRAY[$1 || '.example'])`, [slug]);
  }
  // A 200-message slice of the corpus, mixed across labels and tenants.
  dir = mkdtempSync(path.join(tmpdir(), 'triage-corpus-'));
  const entries = readManifest().filter((_e, i) => i % 21 === 0).slice(0, 200);
  writeFileSync(path.join(dir, 'manifest.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  symlinkSync(path.join(corpusDir, 'messages'), path.join(dir, 'messages'));
}, 120_000);
afterAll(async () => {
  await client?.end();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ingestCorpus', () => {
  it('ingests a labelled slice into its tenants, deterministically dated, and is idempotent', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const summary = await ingestCorpus(database.url, dir, { now, batchSize: 50 });
    expect(summary).toMatchObject({ total: 200, ingested: 200, duplicates: 0, errors: {} });
    const { rows } = await client.query<{ n: number; labelled: number; min: Date; max: Date; tenants: number }>(
      `SELECT count(*)::int AS n, count(label)::int AS labelled, min(received_at) AS min, max(received_at) AS max, count(DISTINCT tenant_id)::int AS tenants FROM messages`,
    );
    expect(rows[0]).toMatchObject({ n: 200, labelled: 200, tenants: 3 });
    expect(rows[0].min.getTime()).toBeGreaterThan(now.getTime() - 30 * 86_400_000);
    expect(rows[0].max.getTime()).toBeLessThan(now.getTime());
    const stats = await client.query<{ n: number }>(`SELECT sum(messages)::int AS n FROM recipient_stats`);
    expect(stats.rows[0].n).toBe(200);
    const analysis = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM message_analysis a JOIN message_raw r USING (message_id)`);
    expect(analysis.rows[0].n).toBe(200);

    const again = await ingestCorpus(database.url, dir, { now });
    expect(again).toMatchObject({ ingested: 0, duplicates: 200 });
    expect((await client.query<{ n: number }>(`SELECT sum(messages)::int AS n FROM recipient_stats`)).rows[0].n).toBe(200);
  });

  it('ingests files and mbox, reporting bad files without stopping', async () => {
    const files = mkdtempSync(path.join(tmpdir(), 'triage-files-'));
    try {
      const [a, b] = readManifest().slice(300, 302);
      const read = (e: { path: string }) => readFileSync(path.join(corpusDir, e.path), 'latin1');
      writeFileSync(path.join(files, 'box.mbox'), `From a@b Mon Jan 1 00:00:00 2024\n${read(a)}\nFrom c@d Mon Jan 1 00:00:00 2024\n${read(b)}\n`, 'latin1');
      writeFileSync(path.join(files, 'empty.eml'), '');
      const summary = await ingestFiles(database.url, 'fabrikam', [files, path.join(files, 'missing.eml')]);
      expect(summary.ingested + summary.duplicates).toBe(2);
      expect(summary.failures.map((f) => f.code).sort()).toHaveLength(2);
      expect(summary.errors.unreadable).toBe(1);
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
  });
});
