import 'server-only';
import { db } from '@/lib/db';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { decodeCursor, encodeCursor } from './cursor';
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
  items: MessageListItem[];
  nextCursor: string | null;
  /** Exact up to COUNT_CAP; `capped` means "at least COUNT_CAP" (shown as "10,000+"). */
  total: { count: number; capped: boolean };
};

// Counting a million matching rows exactly costs a full scan on every page view; past this the
// UI says "10,000+", which is all a person needs.
export const COUNT_CAP = 10_000;

const SORTS = {
  received_desc: { column: 'received_at', dir: 'DESC', op: '<', cast: 'timestamptz' },
  received_asc: { column: 'received_at', dir: 'ASC', op: '>', cast: 'timestamptz' },
  score_desc: { column: 'score', dir: 'DESC', op: '<', cast: 'float8' },
} as const;

/** A page of a tenant's messages, filtered and keyset-paginated, with a capped total. */
export async function listMessages({ ctx, input }: { ctx: Ctx; input: ListMessagesInput }): Promise<MessageList> {
  authorize(ctx, areaRoles.messages);
  const q = listMessagesInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);

  const params: unknown[] = [tenant.id];
  const p = (value: unknown) => (params.push(value), `$${params.length}`);
  const where = ['tenant_id = $1::uuid'];
  if (q.verdict) where.push(`verdict = ${p(q.verdict)}`);
  if (q.flagged !== undefined) where.push(`flagged = ${p(q.flagged)}::bool`);
  if (q.rule) where.push(`fired_rules @> ARRAY[${p(q.rule)}::text]`);
  if (q.sender) where.push(`from_address = ${p(q.sender.trim().toLowerCase())}`);
  if (q.senderDomain) where.push(`from_domain = ${p(q.senderDomain.trim().toLowerCase())}`);
  if (q.recipient) where.push(`recipient = ${p(q.recipient.trim().toLowerCase())}`);
  // ILIKE '%…%' is served by the trigram index; the user's % and _ are literal.
  if (q.subject) where.push(`subject ILIKE ${p(`%${q.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (q.from) where.push(`received_at >= ${p(q.from.toISOString())}::timestamptz`);
  if (q.to) where.push(`received_at < ${p(q.to.toISOString())}::timestamptz`);
  if (q.hasLabel !== undefined) where.push(q.hasLabel ? 'label IS NOT NULL' : 'label IS NULL');
  const filter = where.join(' AND ');
  const countParams = [...params];

  const sort = SORTS[q.sort];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(`(${sort.column}, id) ${sort.op} (${p(c.k)}::${sort.cast}, ${p(c.id)}::uuid)`);
  }
  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<(MessageListItem & { key: string | number })[]>(
      `SELECT id::text AS id, received_at AS "receivedAt", from_address AS "fromAddress", from_name AS "fromName", from_domain AS "fromDomain",
              recipient, subject, verdict, score, action, flagged, top_reason AS "topReason", label,
              ${sort.column === 'received_at' ? `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : 'score'} AS key
       FROM messages WHERE ${where.join(' AND ')}
       ORDER BY ${sort.column} ${sort.dir}, id ${sort.dir} LIMIT ${q.limit + 1}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM messages WHERE ${filter} LIMIT ${COUNT_CAP + 1}) AS capped`, ...countParams),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const items: MessageListItem[] = page.map((row) => {
    const item: Partial<typeof row> = { ...row };
    delete item.key;
    return item as MessageListItem;
  });
  const n = counted[0]?.n ?? 0;
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.key, id: last.id }) : null,
    total: { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP },
  };
}
