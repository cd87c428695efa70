import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { resetEnvForTests } from '../../lib/env';
import { cycle, quantile, timeEach } from './latency';
import { openScaleDatabase } from './scale-database';
import type { BenchSection } from './types';

// Server-side time of the console's two hot paths at scale (1,000,000 stored messages by default):
// the messages list (listMessages, unfiltered and with each common filter) and the message page
// (getMessage's queries with raw bytes, plus the sender/recipient history rows the page shows —
// getMessage itself imports the auth index, which pulls in next/navigation and cannot load outside
// Next, so the page case runs the same requireTenant + Prisma query). Each case is
// REQUESTS calls after a warm-up, with filter values drawn from the data so every call differs.
// Goals: list p95 ≤ 150 ms, message page p95 ≤ 100 ms.

const LIST_GOAL_MS = 150;
const PAGE_GOAL_MS = 100;

export const messagesSection: BenchSection = {
  name: 'messages',
  description: 'messages list and message page, server-side ms at 1,000,000 stored messages',
  run: async (ctx) => {
    const requests = Number(ctx.options.get('requests') ?? 200);
    const scale = await openScaleDatabase(ctx);
    const sql = new pg.Pool({ connectionString: scale.url, max: 2 });
    try {
      const samples = await sampleValues(sql, scale.tenant, requests);
      // The operations use the app's one Prisma client, which reads DATABASE_URL on first use.
      process.env.DATABASE_URL = scale.url;
      resetEnvForTests();
      const { listMessages } = await import('../../lib/server/messages/list');
      const { requireTenant } = await import('../../lib/server/auth/require-tenant');
      const { db } = await import('../../lib/db');
      const ctxAdmin = { user: { id: randomUUID(), email: 'bench@triage.test', name: 'Bench', role: 'admin' as const }, sessionId: 'bench' };
      const tenant = scale.tenant;
      const firstPage = await listMessages({ ctx: ctxAdmin, input: { tenant } });
      const cases: [string, Record<string, unknown>[]][] = [
        ['unfiltered', cycle([{}], requests)],
        ['unfiltered_next_page', cycle([{ cursor: firstPage.nextCursor ?? undefined }], requests)],
        ['flagged', cycle([{ flagged: true }], requests)],
        ['verdict', cycle(['attack', 'spam', 'graymail', 'safe'].map((verdict) => ({ verdict })), requests)],
        ['rule_fired', cycle(samples.rules.map((rule) => ({ rule })), requests)],
        ['sender_domain', cycle(samples.domains.map((senderDomain) => ({ senderDomain })), requests)],
        ['subject_text', cycle(samples.words.map((subject) => ({ subject })), requests)],
        ['date_range_7d', cycle(samples.weeks.map(([from, to]) => ({ from, to })), requests)],
        ['flagged_sender_domain', cycle(samples.domains.map((senderDomain) => ({ flagged: true, senderDomain })), requests)],
      ];
      ctx.log(`messages: ${scale.messages.toLocaleString('en-US')} messages; ${requests} requests per case`);
      for (const [name, inputs] of cases) {
        const times = await timeEach(inputs, (input) => listMessages({ ctx: ctxAdmin, input: { tenant, ...input } }));
        reportTimes(ctx, `list_${name}`, times, LIST_GOAL_MS);
      }
      const page = await timeEach(samples.ids, async (id) => {
        const ref = await requireTenant(ctxAdmin, tenant);
        const message = await db.message.findFirstOrThrow({
          where: { id, tenantId: ref.id },
          include: { analysis: { select: { signals: true, decision: true, layoutKey: true } }, raw: { select: { raw: true } } },
        });
        // The page's sender and recipient context: one indexed row each.
        await Promise.all([
          sql.query(`SELECT * FROM sender_stats s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = $1 AND s.address = $2`, [tenant, message.fromAddress]),
          sql.query(`SELECT * FROM sender_domain_stats s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = $1 AND s.domain = $2`, [tenant, message.fromDomain]),
          sql.query(`SELECT * FROM recipient_stats s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = $1 AND s.recipient = $2`, [tenant, message.recipient]),
        ]);
      });
      reportTimes(ctx, 'message_page', page, PAGE_GOAL_MS);
      await db.$disconnect();
    } finally {
      await sql.end();
      await scale.server.stop();
    }
  },
};

function reportTimes(ctx: Parameters<BenchSection['run']>[0], metric: string, sorted: number[], goal: number) {
  const p95 = quantile(sorted, 0.95);
  ctx.report('messages', `${metric}_p50`, quantile(sorted, 0.5), 'ms');
  ctx.report('messages', `${metric}_p95`, p95, 'ms', { goal, ok: p95 <= goal, max: Math.round(sorted.at(-1) ?? 0) });
}

async function sampleValues(sql: pg.Pool, slug: string, count: number) {
  const [{ id: tenantId }] = (await sql.query<{ id: string }>(`SELECT id::text AS id FROM tenants WHERE slug = $1`, [slug])).rows;
  // Random rows (not the most common values): what a support person searches for is arbitrary.
  const { rows } = await sql.query<{ id: string; from_domain: string; subject: string; fired_rules: string[] | null }>(
    `SELECT id::text AS id, from_domain, subject, fired_rules FROM messages TABLESAMPLE SYSTEM (1) WHERE tenant_id = $1::uuid LIMIT $2`,
    [tenantId, count],
  );
  const range = (await sql.query<{ min: Date; max: Date }>(`SELECT min(received_at) AS min, max(received_at) AS max FROM messages WHERE tenant_id = $1::uuid`, [tenantId])).rows[0];
  const span = range.max.getTime() - range.min.getTime() - 7 * 86_400_000;
  const weeks = Array.from({ length: 20 }, (_, i) => {
    const from = new Date(range.min.getTime() + (span * i) / 20);
    return [from, new Date(from.getTime() + 7 * 86_400_000)] as const;
  });
  const words = rows.flatMap((r) => r.subject.match(/[A-Za-z]{5,}/g)?.slice(0, 1) ?? []);
  return {
    ids: rows.map((r) => r.id),
    domains: rows.map((r) => r.from_domain).filter(Boolean),
    rules: [...new Set(rows.flatMap((r) => r.fired_rules ?? []))],
    words,
    weeks: weeks.map(([from, to]) => [from.toISOString(), to.toISOString()] as const),
  };
}
