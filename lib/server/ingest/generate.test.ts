import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { corpusDir } from '@/lib/testing/corpus';
import { generateMessages } from './generate';
import { varyMessage } from './vary';

let database: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase('triage_generate');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const one = async <T>(sql: string, params: unknown[] = []) => (await client.query<T & pg.QueryResultRow>(sql, params)).rows[0];

describe('varyMessage', () => {
  it('changes the Message-ID (so the bytes) and keeps the body', () => {
    const raw = Buffer.from('From: Ann <ann@shop.example>\r\nSubject: Invoice\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n', 'latin1');
    const variants = [0, 1, 2, 3, 4, 5].map((n) => Buffer.from(varyMessage(raw, n)).toString('latin1'));
    expect(new Set(variants).size).toBe(6);
    for (const v of variants) {
      expect(v).toMatch(/^Message-ID: <gen-/m);
      expect(v).not.toContain('<a@b>');
      expect(v.endsWith('\r\n\r\nbody\r\n')).toBe(true);
      expect(v).toMatch(/^Subject: .*Invoice/m);
    }
    expect(Buffer.from(varyMessage(raw, 3)).equals(Buffer.from(varyMessage(raw, 3)))).toBe(true);
  });
});

describe('generateMessages', () => {
  it('scores variants through the pipeline, multiplies them with analysis and raw, and refuses to run twice', async () => {
    const summary = await generateMessages(database.url, { slug: 'gen-test', messages: 2_000, variants: 60, corpus: corpusDir, workers: 0, now: new Date('2026-11-01T00:00:00Z') });
    expect(summary).toMatchObject({ tenant: 'gen-test', messages: 2_000, variants: 60 });
    const counts = await one<{ n: number; fingerprints: number; raw: number; analysis: number; senders: number; flagged: number; labelled: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT fingerprint)::int AS fingerprints, count(r.message_id)::int AS raw, count(a.message_id)::int AS analysis,
              count(DISTINCT from_address)::int AS senders, count(*) FILTER (WHERE flagged)::int AS flagged, count(label)::int AS labelled
       FROM messages m LEFT JOIN message_raw r ON r.message_id = m.id LEFT JOIN message_analysis a ON a.message_id = m.id`,
    );
    expect(counts).toMatchObject({ n: 2_000, fingerprints: 2_000, raw: 2_000, analysis: 2_000, labelled: 2_000 });
    expect(counts.senders).toBeGreaterThan(200);
    expect(counts.flagged).toBeGreaterThan(0);
    const span = await one<{ min: Date; max: Date }>(`SELECT min(received_at) AS min, max(received_at) AS max FROM messages`);
    expect(span.min.getTime()).toBeGreaterThanOrEqual(new Date('2025-11-01T00:00:00Z').getTime());
    expect(span.max.getTime()).toBeLessThanOrEqual(new Date('2026-11-01T00:00:00Z').getTime());
    // History rebuilt from every stored row.
    expect((await one<{ n: number }>(`SELECT sum(messages)::int AS n FROM recipient_stats`)).n).toBe(2_000);
    // The dropped list indexes are back.
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'messages'`)).n).toBeGreaterThan(10);

    await expect(generateMessages(database.url, { slug: 'gen-test', messages: 10, corpus: corpusDir, workers: 0 })).rejects.toThrow(/already holds 2000 messages/);
    await expect(generateMessages(database.url, { slug: 'Bad Slug', messages: 10, corpus: corpusDir, workers: 0 })).rejects.toThrow(/not a tenant slug/);
  }, 180_000);
});
