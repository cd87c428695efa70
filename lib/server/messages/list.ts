import 'server-only';
import { getDomain } from 'tldts';
import { db } from '@/lib/db';
import { AppError, issuesFromZod } from '@/lib/errors';
// The auth modules directly, not '@/lib/server/auth': its index pulls in next/navigation, and
// scripts (npm run bench) call this operation outside Next.
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth/context';
import { requireTenant } from '@/lib/server/auth/require-tenant';
import { loadPublishedRuleset } from '@/lib/server/rulesets/published';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { listMessagesInput, type ListMessagesInput } from './list-input';

export type MessageListItem = {
  id: string;
  receivedAt: Date;
  fromAddress: string;
  fromName: string;
  fromDomain: string;
  recipient: string;
  subject: string;
  verdict: string;
  score: number;
  action: string;
  flagged: boolean;
  topReason: string | null;
  label: string | null;
};

export type MessageList = {
  tenant: { slug: string; name: string; domains: string[] };
  items: MessageListItem[];
  /** Keyset cursors for the neighbouring pages; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
  /** True when any filter narrows the list (the UI tells "nothing ingested" from "nothing matches"). */
  filtered: boolean;
  /**
   * Exact up to a cap (COUNT_CAP, or HEAP_COUNT_CAP with rule or subject filters); `capped`
   * means "more than `count`". For the unfiltered list past the cap, `estimate` is the planner's
   * row estimate for the tenant (shown as "about …").
   */
  total: { count: number; capped: boolean; estimate: number | null };
};

// Counting a million matching rows exactly is a scan of every one of them on each page view
// (~100 ms+ at 1M rows, growing with the tenant). Capped, the count stops after COUNT_CAP index
// entries, so it costs the same at 10k rows as at 10M; past the cap "10,000+" is all a person
// deciding whether to narrow the filters needs. The unfiltered total comes from the planner's
// statistics (per-tenant most-common-values of tenant_id), which is free and close enough.
export const COUNT_CAP = 10_000;
// Rule and subject filters are answered by GIN indexes that cannot count without visiting each
// matching row (and the tenant check is on the row), so there the count stops sooner.
export const HEAP_COUNT_CAP = 1_000;

/** Verdicts whose action takes the message out of the inbox (lib/engine/decision/verdict.ts). */
export const FLAGGED_VERDICTS: ReadonlySet<string> = new Set(['attack', 'spam']);

const SORTS = {
  received_desc: { column: 'received_at', desc: true, cast: 'timestamptz' },
  received_asc: { column: 'received_at', desc: false, cast: 'timestamptz' },
  score_desc: { column: 'score', desc: true, cast: 'float8' },
} as const;

type Row = MessageListItem & { key: string | number };

/** A page of a tenant's messages, filtered and keyset-paginated both ways, with a capped total. */
export async function listMessages({ ctx, input }: { ctx: Ctx; input: ListMessagesInput }): Promise<MessageList> {
  authorize(ctx, areaRoles.messages);
  const parsed = listMessagesInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', { issues: issuesFromZod(parsed.error) });
  const q = parsed.data;
  const tenant = await requireTenant(ctx, q.tenant);
  const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : null;

  const params: unknown[] = [tenant.id];
  const p = (value: unknown) => (params.push(value), `$${params.length}`);
  const where = ['tenant_id = $1::uuid'];
  if (q.verdict) where.push(`verdict = ${p(q.verdict)}`);
  // flagged follows from the verdict (engine: verdict → action → flagged; list.test.ts checks it
  // on ingested mail). With both set the flag is redundant or contradictory; left in, the
  // contradictory pair made PostgreSQL scan the whole tenant to count zero rows.
  if (q.flagged !== undefined && !q.verdict) where.push(`flagged = ${p(q.flagged)}::bool`);
  if (q.flagged !== undefined && q.verdict && FLAGGED_VERDICTS.has(q.verdict) !== q.flagged) where.push('false');
  if (q.rule) where.push(`fired_rules @> ARRAY[${p(q.rule)}::text]`);
  if (q.sender) where.push(`from_address = ${p(normalizeAddress(q.sender))}`);
  if (q.senderDomain) where.push(`from_domain = ${p(normalizeDomain(q.senderDomain))}`);
  if (q.recipient) where.push(`recipient = ${p(normalizeAddress(q.recipient))}`);
  // ILIKE '%…%' is served by the trigram index; the user's % and _ are literal.
  if (q.subject) where.push(`subject ILIKE ${p(`%${q.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (q.messageId) where.push(`message_id = ANY(${p(messageIdForms(q.messageId))}::text[])`);
  if (q.from) where.push(`received_at >= ${p(q.from.toISOString())}::timestamptz`);
  if (q.to) where.push(`received_at < ${p(q.to.toISOString())}::timestamptz`);
  // Served by the partial index on labelled rows (few of them in production).
  if (q.hasLabel !== undefined) where.push(q.hasLabel ? 'label IS NOT NULL' : 'label IS NULL');
  const filtered = where.length > 1;
  const cap = q.rule || q.subject ? HEAP_COUNT_CAP : COUNT_CAP;
  const filter = where.join(' AND ');
  const countParams = [...params];

  // Reading backwards (Previous) flips the comparison and the order, then the page is reversed.
  const sort = SORTS[q.sort];
  const backwards = cursor?.d === 'prev';
  const desc = sort.desc !== backwards;
  if (cursor) where.push(`(${sort.column}, id) ${desc ? '<' : '>'} (${p(cursor.k)}::${sort.cast}, ${p(cursor.id)}::uuid)`);
  const dir = desc ? 'DESC' : 'ASC';
  const key = sort.column === 'received_at' ? `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : 'score';

  const [rows, counted, estimate] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(
      `SELECT id::text AS id, received_at AS "receivedAt", from_address AS "fromAddress", from_name AS "fromName", from_domain AS "fromDomain",
              recipient, subject, verdict, score, action, flagged, top_reason AS "topReason", label, ${key} AS key
       FROM messages WHERE ${where.join(' AND ')}
       ORDER BY messages.${sort.column} ${dir}, messages.id ${dir} LIMIT ${q.limit + 1}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM messages WHERE ${filter} LIMIT ${cap + 1}) AS capped`, ...countParams),
    filtered ? null : estimateTenantRows(tenant.id),
  ]);

  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  if (backwards) page.reverse();
  const first = page.at(0);
  const last = page.at(-1);
  const edge = (row: Row | undefined, d: Cursor['d']) => (row ? encodeCursor({ k: row.key, id: row.id, s: q.sort, d }) : null);
  const n = counted[0]?.n ?? 0;
  const capped = n > cap;
  return {
    tenant: { slug: tenant.slug, name: tenant.name, domains: tenant.domains },
    items: page.map(withoutKey),
    // Forwards, rows before this page exist iff we came by a cursor; backwards, rows after it do.
    nextCursor: backwards || more ? edge(last, 'next') : null,
    prevCursor: (backwards ? more : cursor !== null) ? edge(first, 'prev') : null,
    filtered,
    total: { count: Math.min(n, cap), capped, estimate: capped && estimate !== null && estimate > cap ? estimate : null },
  };
}

/** Rules the list can be filtered by: the published ruleset's ids (what fired_rules stores), in its order. */
export async function listRuleChoices(): Promise<{ id: string; title: string; category: string }[]> {
  const { source } = await loadPublishedRuleset();
  return source.rules.map((r) => ({ id: r.id, title: r.title, category: r.category }));
}

function withoutKey(row: Row): MessageListItem {
  const item: Partial<Row> = { ...row };
  delete item.key;
  return item as MessageListItem;
}

/** "Name <a@B.com>" or " A@b.com " → "a@b.com": people paste whole header values. */
function normalizeAddress(value: string): string {
  const bracketed = /<([^<>]+)>/.exec(value);
  return (bracketed ? bracketed[1] : value).trim().toLowerCase();
}

/** Stored domains are registrable domains (eTLD+1), so "mail.paypal.com" looks up "paypal.com". */
function normalizeDomain(value: string): string {
  const host = value.trim().toLowerCase().replace(/^.*@/, '').replace(/\.$/, '');
  // Same rule as the engine's parser (lib/engine/parse/domains.ts), which wrote from_domain.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) return host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host.split('.').slice(-2).join('.');
}

/** Message-IDs are stored as the header has them, normally in angle brackets; match either form. */
export function messageIdForms(value: string): string[] {
  const bare = value.trim().replace(/^<(.*)>$/, '$1');
  return [`<${bare}>`, bare];
}

/** The planner's estimate of the tenant's rows (pg_stats on tenant_id): no scan. */
async function estimateTenantRows(tenantId: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM messages WHERE tenant_id = $1::uuid`, tenantId);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan?: { 'Plan Rows'?: number } }] | undefined;
  const estimate = plan?.[0]?.Plan?.['Plan Rows'];
  return typeof estimate === 'number' ? Math.round(estimate) : null;
}
