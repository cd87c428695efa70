// `npm run db:generate -- --tenant SLUG --messages N [--variants K] [--days D] [--corpus DIR]`
// Fills one (empty) tenant with N realistic messages varied from ../shared/corpus, for benchmarks:
// K variants scored by the real pipeline, multiplied by set-based SQL (lib/server/ingest/generate.ts).
// Uses DATABASE_URL, else the embedded database (as `npm start`); migrates first. Creates the tenant
// when it does not exist; refuses a tenant that already holds messages.
import { parseArgs } from 'node:util';
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { demoCorpusDir } from '@/lib/db/seed';
import { generateMessages } from '@/lib/server/ingest/generate';
import { defaultWorkers } from '@/lib/server/ingest/parse-pool';

const usage = 'usage: npm run db:generate -- --tenant SLUG --messages N [--variants K] [--days D] [--corpus DIR]';

const count = (value: string | undefined, name: string, fallback?: number): number | undefined => {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"\n${usage}`);
  return n;
};

let database: DatabaseHandle | undefined;
try {
  const { values } = parseArgs({
    options: { tenant: { type: 'string' }, messages: { type: 'string' }, variants: { type: 'string' }, days: { type: 'string' }, corpus: { type: 'string' }, workers: { type: 'string' } },
  });
  if (!values.tenant || !values.messages) throw new Error(usage);
  const messages = count(values.messages, 'messages')!;
  database = await ensureDatabase({ log: (l) => console.error(l) });
  await migrateDatabase(database.url);
  const summary = await generateMessages(database.url, {
    slug: values.tenant,
    messages,
    variants: count(values.variants, 'variants'),
    days: count(values.days, 'days'),
    corpus: values.corpus ?? demoCorpusDir,
    workers: count(values.workers, 'workers', defaultWorkers()),
    log: (line) => console.error(line),
  });
  const mb = (b: number) => `${(b / 1_048_576).toFixed(0)} MB`;
  console.log(`generated ${summary.messages.toLocaleString('en-US')} messages in tenant ${summary.tenant} (${summary.variants} scored variants) in ${summary.seconds.toFixed(0)} s`);
  console.log(`sizes: ${Object.entries(summary.bytes).map(([t, b]) => `${t} ${mb(b)}`).join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
