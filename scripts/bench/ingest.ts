import { resolve } from 'node:path';
import { seedDatabase } from '../../lib/db/seed';
import { createTestDatabase } from '../../lib/db/test-database';
import { ingestCorpus } from '../../lib/server/ingest/ingest-corpus';
import { defaultWorkers } from '../../lib/server/ingest/parse-pool';
import type { BenchSection } from './types';

// Ingest throughput into PostgreSQL: the labelled corpus through the bulk pipeline (`npm run
// ingest -- --manifest`: parse workers, scoring, one transaction per tenant batch) into a scratch
// database created on DATABASE_URL's server (else an embedded one) and dropped afterwards.
export const ingestSection: BenchSection = {
  name: 'ingest',
  description: 'corpus → PostgreSQL through the ingest pipeline, messages/s (scratch database)',
  run: async (ctx) => {
    const dir = resolve(typeof ctx.options.get('corpus') === 'string' ? (ctx.options.get('corpus') as string) : resolve(import.meta.dirname, '../../../shared/corpus'));
    const limit = Number(ctx.options.get('limit') ?? 0) || undefined;
    const workers = Number(ctx.options.get('workers') ?? defaultWorkers());
    const database = await createTestDatabase('triage_bench_ingest');
    try {
      await seedDatabase(database.url, { production: false, corpus: false });
      const summary = await ingestCorpus(database.url, dir, { limit, workers });
      if (summary.ingested === 0) throw new Error(`nothing ingested: ${JSON.stringify(summary.errors)}`);
      ctx.report('ingest', 'throughput', summary.ingested / summary.seconds, 'msg/s', { messages: summary.ingested, seconds: Math.round(summary.seconds * 10) / 10, workers });
    } finally {
      await database.drop();
    }
  },
};
