import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { loadIngestTenant } from '@/lib/server/messages/load-tenant';
import type { Label } from '@/lib/server/messages/row';
import { pgDatabase } from '@/lib/server/messages/sql';
import { createBulkPool } from './bulk-pool';
import { mailboxes, multiplyChunk, prepareSources, rebuildHistory } from './multiply';
import { runBatches, type BulkItem } from './run-batches';
import { varyMessage } from './vary';

// `npm run db:generate`: fills one tenant with N realistic messages for benchmarks, in two steps.
// 1. `variants` corpus messages, varied (sender domain, subject, Message-ID, recipient), go through
//    the real pipeline: parsed, scored against the tenant's growing history, stored with analysis.
// 2. Set-based SQL multiplies them to N rows (see multiply.ts), in one transaction with the list
//    indexes dropped and rebuilt (building an index once is far cheaper than a million inserts
//    into eleven of them; DDL is transactional, so an interrupted run leaves nothing behind).

export type GenerateOptions = {
  slug: string;
  messages: number;
  corpus: string;
  /** Messages scored through the real pipeline before multiplying; default min(N, 3000). */
  variants?: number;
  /** Received times spread over this many days before `now`. */
  days?: number;
  now?: Date;
  workers?: number;
  log?: (line: string) => void;
};

export type GenerateSummary = { tenant: string; messages: number; variants: number; seconds: number; bytes: Record<string, number> };

const CHUNK = 50_000;
// Sources up to 32 KiB (90 % of the corpus): the rest are mostly attachments that would multiply
// into tens of gigabytes of raw bytes without making lists or pages any more realistic.
const MAX_SOURCE_BYTES = 32_768;
const TABLES = ['messages', 'message_raw', 'message_analysis'];

/** Generates the messages; throws (writing nothing) if the tenant already holds any. */
export async function generateMessages(url: string, options: GenerateOptions): Promise<GenerateSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const days = options.days ?? 365;
  const windowEnd = options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const windowStart = new Date(windowEnd.getTime() - days * 86_400_000);
  const pool = await createBulkPool(url, 4);
  try {
    const database = pgDatabase(pool);
    const tenant = await ensureTenant(pool, options.slug);
    const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1::uuid`, [tenant.id]);
    if (n > 0) throw new Error(`tenant "${options.slug}" already holds ${n} messages; db:generate only fills an empty tenant (choose another --tenant or a fresh database)`);

    const variants = Math.min(options.messages, options.variants ?? 3000);
    const recipients = mailboxes(tenant.domains[0] ?? `${tenant.slug}.example`);
    const sources = readSources(options.corpus);
    log(`step 1/2: scoring ${variants} corpus variants through the ingest pipeline…`);
    const items: BulkItem[] = Array.from({ length: variants }, (_, i) => {
      const source = sources[i % sources.length];
      return {
        raw: varyMessage(readFileSync(path.join(options.corpus, source.path)), i),
        label: source.label,
        recipient: recipients[(i * 7919) % recipients.length],
        tenant,
        source: source.path,
        receivedAt: new Date(windowStart.getTime() + ((i + 0.5) / variants) * (windowEnd.getTime() - windowStart.getTime())),
      };
    });
    let shown = 0;
    const bulk = await runBatches(database, items, {
      workers: options.workers,
      onProgress: (done, total) => {
        if (done - shown >= 500 || done === total) log(`  ${(shown = done)}/${total}`);
      },
    });
    if (bulk.ingested === 0) throw new Error(`no variant could be ingested (${JSON.stringify(bulk.errors)})`);
    log(`  ${bulk.ingested} stored (${bulk.perSecond.toFixed(0)}/s), errors: ${JSON.stringify(bulk.errors)}`);

    if (options.messages > bulk.ingested) await multiply(pool, { tenantId: tenant.id, from: bulk.ingested, to: options.messages, total: options.messages, windowStart, windowEnd, recipients }, log);
    log('vacuum analyze…');
    for (const table of [...TABLES, 'sender_stats', 'sender_domain_stats', 'recipient_stats']) await pool.query(`VACUUM ANALYZE ${table}`);
    const bytes: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await pool.query<{ b: string }>(`SELECT pg_total_relation_size($1::regclass)::text AS b`, [table]);
      bytes[table] = Number(rows[0].b);
    }
    return { tenant: tenant.slug, messages: Math.max(options.messages, bulk.ingested), variants: bulk.ingested, seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await pool.end();
  }
}

async function multiply(pool: pg.Pool, plan: Parameters<typeof multiplyChunk>[1], log: (line: string) => void) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'messages' AND indexname <> 'messages_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
    const sources = await prepareSources(client, plan.tenantId);
    log(`step 2/2: multiplying ${sources} scored messages to ${plan.total.toLocaleString('en-US')} rows…`);
    const t0 = performance.now();
    for (let from = plan.from; from < plan.to; from += CHUNK) {
      await multiplyChunk(client, { ...plan, from, to: Math.min(plan.to, from + CHUNK) }, sources);
      const done = Math.min(plan.to, from + CHUNK);
      const rate = (done - plan.from) / ((performance.now() - t0) / 1000);
      log(`  ${done.toLocaleString('en-US')}/${plan.total.toLocaleString('en-US')} rows (${rate.toFixed(0)} rows/s)`);
    }
    for (const index of indexes) {
      const t = performance.now();
      await client.query(index.def);
      log(`  index ${index.name} rebuilt (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    await rebuildHistory(client, plan.tenantId);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type Source = { path: string; label: Label; bytes: number; sha256: string };

function readSources(dir: string): Source[] {
  const lines = readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Source);
  // In content-hash order: the manifest is sorted by path (all ham first), and any prefix of the
  // sources should mix labels as the corpus does.
  const sources = lines.filter((l) => l.bytes <= MAX_SOURCE_BYTES).sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  if (!sources.length) throw new Error(`no corpus messages under ${MAX_SOURCE_BYTES} bytes in ${dir}`);
  return sources;
}

async function ensureTenant(pool: pg.Pool, slug: string) {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw new Error(`"${slug}" is not a tenant slug (lowercase letters, digits, dashes)`);
  await pool.query(
    `INSERT INTO tenants (id, slug, name, domains) VALUES (gen_random_uuid(), $1, $2, ARRAY[$1 || '.example']) ON CONFLICT (slug) DO NOTHING`,
    [slug, `${slug[0].toUpperCase()}${slug.slice(1)} (generated)`],
  );
  const tenant = await loadIngestTenant(pgDatabase(pool).query, { slug });
  if (!tenant) throw new Error(`tenant "${slug}" could not be created`);
  return tenant;
}
