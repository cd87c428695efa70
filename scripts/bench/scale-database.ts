import { availableParallelism } from 'node:os';
import pg from 'pg';
import { ensureDatabase, type DatabaseHandle } from '../../lib/db/embedded';
import { migrateDatabase } from '../../lib/db/migrate';
import { demoCorpusDir } from '../../lib/db/seed';
import { withDatabase } from '../../lib/db/test-database';
import { generateMessages } from '../../lib/server/ingest/generate';
import type { BenchContext } from './types';

export type ScaleDatabase = { url: string; tenant: string; messages: number; server: DatabaseHandle };

// The list and message-page benchmarks need a million stored messages. Generating them takes
// minutes, so the database is kept (default name triage_bench_1m, on DATABASE_URL's server or the
// embedded one) and reused by later runs; `dropdb triage_bench_1m` (or --database OTHER) starts over.
export async function openScaleDatabase(ctx: BenchContext): Promise<ScaleDatabase> {
  const opt = (name: string, fallback: string) => (typeof ctx.options.get(name) === 'string' ? (ctx.options.get(name) as string) : fallback);
  const name = opt('database', 'triage_bench_1m');
  const tenant = opt('tenant', 'bench');
  const wanted = Number(opt('messages', '1000000'));
  const server = await ensureDatabase({ log: ctx.log });
  const url = withDatabase(server.url, name);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(url);
  let messages = await countMessages(url, tenant);
  if (messages === 0) {
    ctx.log(`messages: generating ${wanted.toLocaleString('en-US')} messages into database ${name}, tenant ${tenant} (several minutes; kept for later runs, drop it with \`dropdb ${name}\`)…`);
    await generateMessages(url, { slug: tenant, messages: wanted, corpus: demoCorpusDir, workers: availableParallelism(), log: (l) => ctx.log(`  ${l}`) });
    messages = await countMessages(url, tenant);
  } else {
    ctx.log(`messages: reusing database ${name} (tenant ${tenant}, ${messages.toLocaleString('en-US')} messages; \`dropdb ${name}\` to regenerate)`);
    if (messages < wanted) ctx.log(`messages: warning: fewer than the ${wanted.toLocaleString('en-US')} asked for`);
  }
  return { url, tenant, messages, server };
}

async function countMessages(url: string, slug: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = $1`, [slug]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}
